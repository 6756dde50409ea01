using System;
using System.Linq;
using System.Text;
using Qcloud.CdnRefresh.Build.Manifest;
using Xunit;
using static Qcloud.CdnRefresh.Build.Tests.Manifest.ManifestTestData;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

/// <summary>
/// An entry's date in the writer's form is parsed from the UTF-8 bytes; the outcome must be what
/// <see cref="ManifestReader.TryParseDate"/> makes of the same text, for good dates and bad ones alike, and the instants
/// and refusals written out below.
/// </summary>
public class ManifestDateReadingTests
{
    [Theory]
    [InlineData("2024-05-01T12:00:00.1234567Z")]
    [InlineData("0001-01-01T00:00:00.0000000Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    [InlineData("2024-02-29T23:59:59.0000001Z")]
    [InlineData("2023-02-29T00:00:00.0000000Z")]
    [InlineData("2024-13-01T00:00:00.0000000Z")]
    [InlineData("2024-00-01T00:00:00.0000000Z")]
    [InlineData("2024-05-00T00:00:00.0000000Z")]
    [InlineData("2024-05-01T24:00:00.0000000Z")]
    [InlineData("2024-05-01T23:60:00.0000000Z")]
    [InlineData("2024-05-01T23:59:60.0000000Z")]
    [InlineData("2024-05-01t12:00:00.1234567Z")]
    [InlineData("2024/05/01T12:00:00.1234567Z")]
    [InlineData("2024-05-01 12:00:00.1234567Z")]
    [InlineData("2024-05-01T12:00:00,1234567Z")]
    [InlineData("2024-05-01T12:00:00.123456 Z")]
    [InlineData("+024-05-01T12:00:00.1234567Z")]
    [InlineData("2024-05-01T12:00:00.1234567z")]
    [InlineData("2024-05-01T12:00:00.123456Z")]
    [InlineData("2024-05-01T12:00:00Z")]
    [InlineData("2024-05-01T12:00:00.1234567+02:00")]
    [InlineData("2024-05-01T12:00:00.1234567")]
    [InlineData("2024-05-01T12:00:00.12345678Z")]
    [InlineData("2024-05-01T12:00:00.1234567\\u005A")]
    public void A_date_reads_as_its_text_parses(string date)
    {
        var unescaped = date.Replace("\\u005A", "Z");

        var result = ParseWithDate(date);

        if (ManifestReader.TryParseDate(unescaped, out var expected))
        {
            Assert.Empty(result.Warnings);
            var read = Assert.Single(result.Baseline!.Files).LastWriteTimeUtc;
            Assert.Equal((expected.Ticks, expected.Kind), (read.Ticks, read.Kind));
        }
        else
        {
            Assert.Null(result.Baseline);
            Assert.Contains("lastWriteTimeUtc", Assert.Single(result.Warnings).Message);
        }
    }

    /// <summary>Literal instants, so that the test above cannot pass by both parsers being wrong the same way.</summary>
    [Theory]
    [InlineData("2024-05-01T12:00:00.1234567Z", 638501616001234567L)]
    [InlineData("2024-05-01T12:00:00.1234567\\u005A", 638501616001234567L)]
    [InlineData("2024-02-29T23:59:59.0000001Z", 638448479990000001L)]
    [InlineData("0001-01-01T00:00:00.0000000Z", 0L)]
    [InlineData("9999-12-31T23:59:59.9999999Z", 3155378975999999999L)]
    [InlineData("2024-05-01T12:00:00Z", 638501616000000000L)]
    [InlineData("2024-05-01T12:00:00.1234567+02:00", 638501544001234567L)]
    [InlineData("2024-05-01T12:00:00.1234567", 638501616001234567L)]
    public void A_date_reads_as_this_utc_instant(string date, long utcTicks)
    {
        var read = Assert.Single(ParseWithDate(date).Baseline!.Files).LastWriteTimeUtc;

        Assert.Equal((utcTicks, DateTimeKind.Utc), (read.Ticks, read.Kind));
    }

    [Theory]
    [InlineData("2023-02-29T00:00:00.0000000Z")]
    [InlineData("2024-13-01T00:00:00.0000000Z")]
    [InlineData("2024-00-01T00:00:00.0000000Z")]
    [InlineData("2024-05-00T00:00:00.0000000Z")]
    [InlineData("2024-05-01T24:00:00.0000000Z")]
    [InlineData("2024-05-01T23:60:00.0000000Z")]
    [InlineData("yesterday")]
    public void An_impossible_date_leaves_no_baseline_and_warns(string date)
    {
        var result = ParseWithDate(date);

        Assert.Null(result.Baseline);
        Assert.Contains("lastWriteTimeUtc", Assert.Single(result.Warnings).Message);
    }

    private static ManifestLoadResult ParseWithDate(string date)
    {
        var json = "{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":["
            + $"{{\"path\":\"a\",\"size\":1,\"sha256\":\"{Sha256("x")}\",\"lastWriteTimeUtc\":\"{date}\"}}]}}";
        return ManifestReader.Parse(Encoding.UTF8.GetBytes(json), "m", BaseUrl);
    }
}
