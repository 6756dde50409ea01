using System;
using Qcloud.CdnRefresh.Build.Api;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

public class CdnRefreshClientFactoryTests
{
    [Fact]
    public void V3_BuildsPurgeUrlsCacheClientOnItsDefaultEndpoint()
    {
        var client = CdnRefreshClientFactory.Create("v3", "overseas", null, "HmacSHA1", ClientHarness.Credentials);
        using var disposable = (IDisposable)client;

        Assert.IsType<CdnApiV3Client>(client);
        Assert.Equal("PurgeUrlsCache", client.Action);
        Assert.Equal(new Uri("https://cdn.tencentcloudapi.com/"), client.Endpoint);
    }

    [Theory]
    [InlineData("overseas", "RefreshCdnOverSeaUrl")]
    [InlineData("mainland", "RefreshCdnUrl")]
    public void V2_BuildsTheAreasActionOnItsDefaultEndpoint(string area, string action)
    {
        var client = CdnRefreshClientFactory.Create("v2", area, null, "HmacSHA256", ClientHarness.Credentials);
        using var disposable = (IDisposable)client;

        Assert.IsType<CdnApiV2Client>(client);
        Assert.Equal(action, client.Action);
        Assert.Equal(new Uri("https://cdn.api.qcloud.com/v2/index.php"), client.Endpoint);
    }

    [Fact]
    public void ExplicitEndpoint_IsKept()
    {
        var client = CdnRefreshClientFactory.Create("v2", "overseas", ClientHarness.V2Endpoint, "HmacSHA1", ClientHarness.Credentials);
        using var disposable = (IDisposable)client;

        Assert.Equal(ClientHarness.V2Endpoint, client.Endpoint);
    }

    [Fact]
    public void Options_CarryAreaAndSignatureMethod()
    {
        var options = CdnRefreshClientFactory.CreateOptions("v2", "mainland", null, "HmacSHA256");

        Assert.Equal("mainland", options.Area);
        Assert.Equal("HmacSHA256", options.SignatureMethod);
    }

    [Fact]
    public void UnknownApi_IsAnArgumentError()
    {
        Assert.Throws<ArgumentException>(() => CdnRefreshClientFactory.Create("v1", "overseas", null, "HmacSHA1", ClientHarness.Credentials));
    }
}
