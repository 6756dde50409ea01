using System;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers;
using Qcloud.CdnRefresh.Build.Tests.Api;
using Qcloud.CdnRefresh.Build.Tests.Refresh;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Providers;

public class RefreshProvidersTests
{
    [Fact]
    public void TheDefaultProvider_IsV3()
    {
        Assert.Equal("v3", RefreshProviders.Default.Name);
    }

    [Theory]
    [InlineData("v3", "https://cdn.tencentcloudapi.com/")]
    [InlineData("V2", "https://cdn.api.qcloud.com/v2/index.php")]
    public void EachProvider_IsFoundByName_WithItsDefaultEndpoint(string name, string endpoint)
    {
        Assert.Equal(new Uri(endpoint), RefreshProviders.Find(name)!.DefaultEndpoint);
    }

    [Fact]
    public void AnUnknownName_FindsNoProvider()
    {
        Assert.Null(RefreshProviders.Find("v1"));
    }

    [Theory]
    [InlineData("v3", "overseas", "PurgeUrlsCache", "PurgePathCache")]
    [InlineData("v3", "mainland", "PurgeUrlsCache", "PurgePathCache")]
    [InlineData("v2", "overseas", "RefreshCdnOverSeaUrl", "RefreshCdnOverSeaDir")]
    [InlineData("v2", "mainland", "RefreshCdnUrl", "RefreshCdnDir")]
    public void EachProvider_NamesTheActionsOfItsArea(string name, string area, string urlAction, string directoryAction)
    {
        using var provider = Create(name, area);

        Assert.Equal(urlAction, provider.UrlAction);
        Assert.Equal(directoryAction, provider.DirectoryAction);
    }

    [Fact]
    public void BuildingAProvider_ReadsNoCredentials()
    {
        var registration = RefreshProviders.Find("v3")!;

        using var provider = registration.Create(new ProviderContext
        {
            Client = new ApiClientOptions { Endpoint = ClientHarness.V3Endpoint },
            Credentials = () => throw new InvalidOperationException("credentials read"),
            Log = new RecordingLog(),
        });

        Assert.Equal(ClientHarness.V3Endpoint, provider.Endpoint);
    }

    private static IRefreshProvider Create(string name, string area)
    {
        var registration = RefreshProviders.Find(name)!;
        return registration.Create(new ProviderContext
        {
            Client = new ApiClientOptions { Endpoint = registration.DefaultEndpoint, Area = area },
            Credentials = () => ClientHarness.Credentials,
            Log = new RecordingLog(),
        });
    }
}
