using System;
using System.IO;
using System.Linq;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Manifest;
using Qcloud.CdnRefresh.Build.Providers.V2;
using Qcloud.CdnRefresh.Build.Quota;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Configuration;

public sealed class RefreshSettingsParserTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A valid publish folder and base URL, then <paramref name="knob"/>.</summary>
    private RefreshSettings Parse(string knob, string? value) =>
        TaskParameters.Parse(("PublishDir", _temp.Path), ("BaseUrl", "https://www.example.com/"), (knob, value));

    private string CodeOf(string knob, string? value) => Assert.Throws<CdnRefreshException>(() => Parse(knob, value)).Code;

    [Fact]
    public void EmptyKnobs_TakeTheContractDefaults()
    {
        var settings = Parse("Api", null);

        Assert.Equal("v3", settings.Api.Name);
        Assert.Equal("overseas", settings.Area);
        Assert.Equal(new Uri("https://cdn.tencentcloudapi.com/"), settings.Endpoint);
        Assert.Equal("HmacSHA1", settings.SignatureMethod);
        Assert.Equal(1000, settings.BatchSize);
        Assert.Equal(10000, settings.DailyQuota);
        Assert.Equal(WithoutBaselineMode.All, settings.WithoutBaseline);
        Assert.Equal(3, settings.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Timeout);
        Assert.Equal(OverQuotaMode.Fail, settings.OverQuota);
        Assert.Equal(TimeSpan.FromSeconds(300), settings.WaitTimeout);
        Assert.Equal((false, false, false, false, false), (settings.DryRun, settings.PublishManifest, settings.AddedFiles, settings.ContinueOnError, settings.Wait));
        Assert.Equal((null, null, null, null), (settings.ContentRoot, settings.ManifestPath, settings.BaselineUrl, settings.ReportPath));
        Assert.Empty(settings.Exclude);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void BlankDirectoryIndex_TurnsFolderUrlsOff(string? value)
    {
        Assert.Equal(string.Empty, Parse("DirectoryIndex", value).DirectoryIndex);
    }

    [Fact]
    public void ApiV2_DefaultsToTheApi2Endpoint()
    {
        Assert.Equal(new Uri("https://cdn.api.qcloud.com/v2/index.php"), Parse("Api", "v2").Endpoint);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("www.example.com")]
    [InlineData("/relative/")]
    [InlineData("ftp://www.example.com/")]
    [InlineData("https://www.example.com/?v=1")]
    [InlineData("https://www.example.com/#top")]
    public void BadBaseUrl_IsQcdn1001(string? baseUrl)
    {
        Assert.Equal("QCDN1001", CodeOf("BaseUrl", baseUrl));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("5000")]
    [InlineData("ten")]
    public void BatchSizeOutside1To1000_IsQcdn1002(string batchSize)
    {
        Assert.Equal("QCDN1002", CodeOf("BatchSize", batchSize));
    }

    [Fact]
    public void UnknownApi_IsQcdn1003()
    {
        Assert.Equal("QCDN1003", CodeOf("Api", "v4"));
    }

    [Fact]
    public void UnknownArea_IsQcdn1004()
    {
        Assert.Equal("QCDN1004", CodeOf("Area", "global"));
    }

    [Fact]
    public void UnknownSignatureMethod_IsQcdn1005()
    {
        Assert.Equal("QCDN1005", CodeOf("SignatureMethod", "HmacMD5"));
    }

    [Theory]
    [InlineData("http://cdn.example.com/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("ftp://cdn.example.com/")]
    [InlineData("not a url")]
    public void PlainHttpOrOtherSchemeEndpoint_OffLoopback_IsQcdn1006(string endpoint)
    {
        Assert.Equal("QCDN1006", CodeOf("Endpoint", endpoint));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:5000/")]
    [InlineData("https://cdn.intl.tencentcloudapi.com/")]
    public void HttpsOrLoopbackEndpoint_IsAccepted(string endpoint)
    {
        Assert.Equal(new Uri(endpoint), Parse("Endpoint", endpoint).Endpoint);
    }

    [Fact]
    public void MissingPublishFolder_IsQcdn1010NamingIt()
    {
        var missing = Path.Combine(_temp.Path, "missing");

        var error = Assert.Throws<CdnRefreshException>(() => Parse("PublishDir", missing));

        Assert.Equal("QCDN1010", error.Code);
        Assert.Contains(missing, error.Message);
    }

    [Theory]
    [InlineData("DailyQuota", "0")]
    [InlineData("MaxRetries", "-1")]
    [InlineData("MaxRetries", "11")]
    [InlineData("Timeout", "0")]
    [InlineData("Timeout", "3601")]
    [InlineData("WaitTimeout", "0")]
    [InlineData("WaitTimeout", "86401")]
    [InlineData("WithoutBaseline", "some")]
    [InlineData("OverQuota", "dir")]
    [InlineData("DryRun", "yes please")]
    [InlineData("Wait", "maybe")]
    [InlineData("BaselineUrl", "file:///tmp/manifest.json")]
    public void OutOfRangeOrUnknownValue_IsQcdn1009(string knob, string value)
    {
        Assert.Equal("QCDN1009", CodeOf(knob, value));
    }

    [Theory]
    [InlineData("BatchSize", "1", 1)]
    [InlineData("DailyQuota", " 2147483647 ", int.MaxValue)]
    [InlineData("MaxRetries", "0", 0)]
    [InlineData("MaxRetries", "10", 10)]
    [InlineData("Timeout", "3600", 3600)]
    [InlineData("WaitTimeout", "86400", 86400)]
    public void WholeNumbersAtTheLimits_AreAccepted(string knob, string value, int expected)
    {
        var settings = Parse(knob, value);

        var parsed = knob switch
        {
            "BatchSize" => settings.BatchSize,
            "DailyQuota" => settings.DailyQuota,
            "MaxRetries" => settings.MaxRetries,
            "Timeout" => (int)settings.Timeout.TotalSeconds,
            _ => (int)settings.WaitTimeout.TotalSeconds,
        };
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("DryRun")]
    [InlineData("PublishManifest")]
    [InlineData("AddedFiles")]
    [InlineData("ContinueOnApiError")]
    [InlineData("Wait")]
    public void EachBooleanParameter_SetsItsOwnSetting(string knob)
    {
        var settings = Parse(knob, "true");

        var set = new[]
        {
            ("DryRun", settings.DryRun), ("PublishManifest", settings.PublishManifest), ("AddedFiles", settings.AddedFiles),
            ("ContinueOnApiError", settings.ContinueOnError), ("Wait", settings.Wait),
        };
        Assert.Equal(new[] { knob }, set.Where(flag => flag.Item2).Select(flag => flag.Item1));
    }

    [Fact]
    public void PathsAndNames_AreTrimmed()
    {
        var settings = TaskParameters.Parse(
            ("PublishDir", _temp.Path), ("BaseUrl", "https://www.example.com/"),
            ("ContentRoot", " site "), ("Manifest", " obj/m.json "), ("Report", " report.json "), ("DirectoryIndex", " index.htm "));

        Assert.Equal(("site", "obj/m.json", "report.json", "index.htm"), (settings.ContentRoot, settings.ManifestPath, settings.ReportPath, settings.DirectoryIndex));
    }

    [Theory]
    [InlineData("fail", "Fail")]
    [InlineData(" Directory ", "Directory")]
    public void OverQuota_AcceptsFailAndDirectoryInAnyCase(string value, string expected)
    {
        Assert.Equal(expected, Parse("OverQuota", value).OverQuota.ToString());
    }

    [Theory]
    [InlineData(" ALL ", "All")]
    [InlineData("None", "None")]
    public void WithoutBaseline_AcceptsAllAndNoneInAnyCase(string value, string expected)
    {
        Assert.Equal(expected, Parse("WithoutBaseline", value).WithoutBaseline.ToString());
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData(" Yes ", true)]
    [InlineData("on", true)]
    [InlineData("1", true)]
    [InlineData("FALSE", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    [InlineData("0", false)]
    public void Booleans_AcceptTheUsualSpellings(string value, bool expected)
    {
        Assert.Equal(expected, Parse("DryRun", value).DryRun);
    }

    [Fact]
    public void ExcludeItemsAndPatterns_AreJoined_PatternsTrimmedAndEmptyOnesDropped()
    {
        var settings = TaskParameters.Parse(
            new[] { ("PublishDir", (string?)_temp.Path), ("BaseUrl", "https://www.example.com/"), ("ExcludePatterns", " *.txt ; ;docs/** ") },
            new[] { "**/*.map" });

        Assert.Equal(new[] { "**/*.map", "*.txt", "docs/**" }, settings.Exclude);
    }

    [Theory]
    [InlineData("Area", "moon", "CdnRefreshArea 'moon' is not supported. Use one of: overseas, mainland.")]
    [InlineData("OverQuota", "dir", "CdnRefreshOverQuota 'dir' is not supported. Use one of: fail, directory.")]
    [InlineData("WithoutBaseline", "some", "CdnRefreshWithoutBaseline 'some' is not supported. Use one of: all, none.")]
    [InlineData("Timeout", "0", "CdnRefreshTimeout '0' must be a whole number from 1 to 3600.")]
    [InlineData("ContinueOnApiError", "sure", "CdnRefreshContinueOnError 'sure' must be true or false.")]
    public void ErrorMessage_NamesThePropertyTheValueAndWhatIsAllowed(string knob, string value, string expected)
    {
        Assert.Equal(expected, Assert.Throws<CdnRefreshException>(() => Parse(knob, value)).Message);
    }
}
