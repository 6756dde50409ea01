using System.IO;
using System;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Providers.V2;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Configuration;

public sealed class RefreshSettingsParserTests : IDisposable
{
    private readonly string _publishDir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "qcdn-settings-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_publishDir, recursive: true);

    private RawSettings Valid() => new() { PublishDir = _publishDir, BaseUrl = "https://www.example.com/" };

    private static string CodeOf(RawSettings raw) => Assert.Throws<CdnRefreshException>(() => RefreshSettingsParser.Parse(raw)).Code;

    [Fact]
    public void EmptyKnobs_TakeTheContractDefaults()
    {
        var settings = RefreshSettingsParser.Parse(Valid());

        Assert.Equal("v3", settings.Api.Name);
        Assert.Equal("overseas", settings.Area);
        Assert.Equal(new Uri("https://cdn.tencentcloudapi.com/"), settings.Endpoint);
        Assert.Equal("HmacSHA1", settings.SignatureMethod);
        Assert.Equal(1000, settings.BatchSize);
        Assert.Equal(10000, settings.DailyQuota);
        Assert.Equal("all", settings.WithoutBaseline);
        Assert.Equal(3, settings.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Timeout);
        Assert.False(settings.DryRun);
        Assert.False(settings.AddedFiles);
    }

    [Fact]
    public void ApiV2_DefaultsToTheApi2Endpoint()
    {
        var raw = Valid();
        raw.Api = "v2";

        Assert.Equal(new Uri("https://cdn.api.qcloud.com/v2/index.php"), RefreshSettingsParser.Parse(raw).Endpoint);
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
        var raw = Valid();
        raw.BaseUrl = baseUrl;

        Assert.Equal(DiagnosticCodes.BaseUrlInvalid, CodeOf(raw));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("5000")]
    [InlineData("ten")]
    public void BatchSizeOutside1To1000_IsQcdn1002(string batchSize)
    {
        var raw = Valid();
        raw.BatchSize = batchSize;

        Assert.Equal(DiagnosticCodes.BatchSizeOutOfRange, CodeOf(raw));
    }

    [Fact]
    public void UnknownApi_IsQcdn1003()
    {
        var raw = Valid();
        raw.Api = "v4";

        Assert.Equal(DiagnosticCodes.UnknownApi, CodeOf(raw));
    }

    [Fact]
    public void UnknownArea_IsQcdn1004()
    {
        var raw = Valid();
        raw.Area = "global";

        Assert.Equal(DiagnosticCodes.UnknownArea, CodeOf(raw));
    }

    [Fact]
    public void UnknownSignatureMethod_IsQcdn1005()
    {
        var raw = Valid();
        raw.SignatureMethod = "HmacMD5";

        Assert.Equal(DiagnosticCodes.UnknownSignatureMethod, CodeOf(raw));
    }

    [Theory]
    [InlineData("http://cdn.example.com/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("ftp://cdn.example.com/")]
    [InlineData("not a url")]
    public void PlainHttpOrOtherSchemeEndpoint_OffLoopback_IsQcdn1006(string endpoint)
    {
        var raw = Valid();
        raw.Endpoint = endpoint;

        Assert.Equal(DiagnosticCodes.EndpointInvalid, CodeOf(raw));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:5000/")]
    [InlineData("https://cdn.intl.tencentcloudapi.com/")]
    public void HttpsOrLoopbackEndpoint_IsAccepted(string endpoint)
    {
        var raw = Valid();
        raw.Endpoint = endpoint;

        Assert.Equal(new Uri(endpoint), RefreshSettingsParser.Parse(raw).Endpoint);
    }

    [Fact]
    public void MissingPublishFolder_IsQcdn1010()
    {
        var raw = Valid();
        raw.PublishDir = Path.Combine(_publishDir, "missing");

        Assert.Equal(DiagnosticCodes.PublishDirMissing, CodeOf(raw));
    }

    [Theory]
    [InlineData("some")]
    [InlineData("yes please")]
    public void BadWithoutBaselineOrBoolean_IsQcdn1009(string value)
    {
        var raw = Valid();
        raw.WithoutBaseline = value;
        var rawBoolean = Valid();
        rawBoolean.DryRun = value;

        Assert.Equal(DiagnosticCodes.InvalidOption, CodeOf(raw));
        Assert.Equal(DiagnosticCodes.InvalidOption, CodeOf(rawBoolean));
    }

    [Fact]
    public void BaselineUrlThatIsNotHttp_IsQcdn1009()
    {
        var raw = Valid();
        raw.BaselineUrl = "file:///tmp/manifest.json";

        Assert.Equal(DiagnosticCodes.InvalidOption, CodeOf(raw));
    }

    [Fact]
    public void ErrorMessage_NamesThePropertyAndTheValue()
    {
        var raw = Valid();
        raw.Area = "moon";

        var error = Assert.Throws<CdnRefreshException>(() => RefreshSettingsParser.Parse(raw));

        Assert.Contains("CdnRefreshArea", error.Message);
        Assert.Contains("moon", error.Message);
        Assert.Contains("overseas", error.Message);
    }
}
