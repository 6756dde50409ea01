using System;
using System.Linq;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers;
using Qcloud.CdnRefresh.Build.Signing;
using Qcloud.CdnRefresh.Build.Tests.Api;
using Qcloud.CdnRefresh.Build.Tests.Refresh;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Providers;

public class ProviderRegistrationTests
{
    [Fact]
    public void TheRegistry_ListsV3First_AsTheDefault_ThenV2AndEdgeOne()
    {
        Assert.Equal(new[] { "v3", "v2", "edgeone" }, ProviderRegistration.All.Select(p => p.Name));
    }

    [Theory]
    [InlineData("v3", "https://cdn.tencentcloudapi.com/")]
    [InlineData("v2", "https://cdn.api.qcloud.com/v2/index.php")]
    [InlineData("edgeone", "https://teo.tencentcloudapi.com/")]
    public void EachProvider_HasItsDefaultEndpoint(string name, string endpoint)
    {
        Assert.Equal(new Uri(endpoint), Registration(name).DefaultEndpoint);
    }

    [Theory]
    [InlineData("v3", "overseas", "PurgeUrlsCache", "PurgePathCache")]
    [InlineData("v3", "mainland", "PurgeUrlsCache", "PurgePathCache")]
    [InlineData("v2", "overseas", "RefreshCdnOverSeaUrl", "RefreshCdnOverSeaDir")]
    [InlineData("v2", "mainland", "RefreshCdnUrl", "RefreshCdnDir")]
    [InlineData("edgeone", "overseas", "CreatePurgeTask", "CreatePurgeTask")]
    public void EachProvider_NamesTheActionsOfItsArea(string name, string area, string urlAction, string directoryAction)
    {
        var registration = Registration(name);
        using var provider = registration.Create(Context(registration.DefaultEndpoint, area, () => ClientHarness.Credentials));

        Assert.Equal(urlAction, provider.UrlAction);
        Assert.Equal(directoryAction, provider.DirectoryAction);
    }

    [Theory]
    [InlineData("v3")]
    [InlineData("v2")]
    [InlineData("edgeone")]
    public void BuildingAProvider_ReadsNoCredentials(string name)
    {
        using var provider = Registration(name).Create(
            Context(ClientHarness.V3Endpoint, "overseas", () => throw new InvalidOperationException("credentials read")));

        Assert.Equal(ClientHarness.V3Endpoint, provider.Endpoint);
    }

    [Theory]
    [InlineData("v3", false)]
    [InlineData("v2", false)]
    [InlineData("edgeone", true)]
    public void OnlyEdgeOne_PurgesAZone(string name, bool zoneScoped)
    {
        Assert.Equal(zoneScoped, Registration(name).ZoneScoped);
    }

    private static ProviderRegistration Registration(string name) => ProviderRegistration.All.Single(p => p.Name == name);

    private static ProviderContext Context(Uri endpoint, string area, Func<TencentCredentials> credentials) => new(
        Client: new ApiClientOptions { Endpoint = endpoint, Area = area },
        Credentials: credentials,
        Log: new RecordingLog());
}
