using System;
using System.Text;
using Qcloud.CdnRefresh.Build.Manifest;
using Xunit;
using static Qcloud.CdnRefresh.Build.Tests.Manifest.ManifestTestData;

using Site = Qcloud.CdnRefresh.Build.Mapping.BaseUrl;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

/// <summary>An entry's <c>lastWriteTimeUtc</c>: the writer's form, any other ISO-8601 text, or a number of ticks.</summary>
public class ManifestDateReadingTests
{
    [Theory]
    [InlineData("\"2024-05-01T12:00:00.1234567Z\"", 638501616001234567L)]
    [InlineData("\"2024-05-01T12:00:00.1234567\\u005A\"", 638501616001234567L)]
    [InlineData("\"2024-02-29T23:59:59.0000001Z\"", 638448479990000001L)]
    [InlineData("\"0001-01-01T00:00:00.0000000Z\"", 0L)]
    [InlineData("\"9999-12-31T23:59:59.9999999Z\"", 3155378975999999999L)]
    [InlineData("\"2024-05-01T12:00:00Z\"", 638501616000000000L)]
    [InlineData("\"2024-05-01T12:00:00.123456Z\"", 638501616001234560L)]
    [InlineData("\"2024-05-01T12:00:00.12345678Z\"", 638501616001234568L)]
    [InlineData("\"2024-05-01T12:00:00.1234567z\"", 638501616001234567L)]
    [InlineData("\"2024-05-01t12:00:00.1234567Z\"", 638501616001234567L)]
    [InlineData("\"2024-05-01 12:00:00.1234567Z\"", 638501616001234567L)]
    [InlineData("\"2024/05/01T12:00:00.1234567Z\"", 638501616001234567L)]
    [InlineData("\"2024-05-01T12:00:00,1234567Z\"", 638501616001234567L)]
    [InlineData("\"2024-05-01T12:00:00.1234567+02:00\"", 638501544001234567L)]
    [InlineData("\"2024-05-01T12:00:00.1234567-05:00\"", 638501796001234567L)]
    [InlineData("\"0001-01-01T00:00:00+01:00\"", 828000000000L)]
    [InlineData("\"2024-05-01T12:00:00.1234567\"", 638501616001234567L)]
    [InlineData("\"2024-05-01\"", 638501184000000000L)]
    [InlineData("\"Wed, 01 May 2024 12:00:00 GMT\"", 638501616000000000L)]
    [InlineData("5", 5L)]
    [InlineData("3155378975999999999", 3155378975999999999L)]
    [InlineData("null", 0L)]
    public void A_date_reads_as_this_utc_instant(string date, long utcTicks)
    {
        var result = ParseWithDate(date);

        Assert.Empty(result.Warnings);
        var read = Assert.Single(result.Baseline!.Files).LastWriteTimeUtc;
        Assert.Equal((utcTicks, DateTimeKind.Utc), (read.Ticks, read.Kind));
    }

    [Theory]
    [InlineData("\"2023-02-29T00:00:00.0000000Z\"")]
    [InlineData("\"2024-13-01T00:00:00.0000000Z\"")]
    [InlineData("\"2024-00-01T00:00:00.0000000Z\"")]
    [InlineData("\"2024-05-00T00:00:00.0000000Z\"")]
    [InlineData("\"2024-05-01T24:00:00.0000000Z\"")]
    [InlineData("\"2024-05-01T23:60:00.0000000Z\"")]
    [InlineData("\"2024-05-01T23:59:60.0000000Z\"")]
    [InlineData("\"+024-05-01T12:00:00.1234567Z\"")]
    [InlineData("\"9999-12-31T23:59:59-01:00\"")]
    [InlineData("\"yesterday\"")]
    [InlineData("\"5\"")]
    [InlineData("\"\"")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("3155378976000000000")]
    [InlineData("true")]
    [InlineData("[]")]
    public void A_date_that_is_no_instant_leaves_no_baseline_and_warns_naming_the_field(string date)
    {
        var result = ParseWithDate(date);

        Assert.Null(result.Baseline);
        Assert.Contains("lastWriteTimeUtc", Assert.Single(result.Warnings).Message);
    }

    private static ManifestLoadResult ParseWithDate(string date)
    {
        var json = "{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":["
            + $"{{\"path\":\"a\",\"size\":1,\"sha256\":\"{Sha256("x")}\",\"lastWriteTimeUtc\":{date}}}]}}";
        return ManifestReader.Parse(Encoding.UTF8.GetBytes(json), "m", Sites);
    }
}
