using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Refresh;

/// <summary>Which URLs a run sends, from one deployment to the next.</summary>
public class RefreshRunChangeTests : RefreshRunTestBase
{
    [Fact]
    public async Task FirstRun_WithoutBaseline_SendsEveryUrl()
    {
        await RunAsync();

        Assert.Equal(UrlsOf(InitialFiles), AcceptedByFake().OrderBy(u => u, StringComparer.Ordinal));
        Assert.All(PurgeRequests(), r => Assert.True(r.SignatureVerified));
        Assert.Empty(Log.Errors);
    }

    [Fact]
    public async Task FirstRun_WritesTheManifest_WithEveryFile_AndNothingPending()
    {
        await RunAsync();

        Assert.True(File.Exists(ManifestPath));
        Assert.Equal(InitialFiles.OrderBy(f => f, StringComparer.Ordinal), ManifestFilePaths(ManifestPath));
        Assert.Empty(ManifestPendingUrls());
    }

    [Fact]
    public async Task SecondRun_WithNoChange_SendsNothing_AndDoesNotReadCredentials()
    {
        await RunAsync();
        var requestsAfterFirstRun = Server.Requests.Count;

        await RunAsync();

        Assert.Equal(requestsAfterFirstRun, Server.Requests.Count);
        Assert.Equal(1, CredentialReads);
    }

    [Fact]
    public async Task OneFileChanged_SendsExactlyItsUrl()
    {
        await RunAsync();
        var before = LastSequence();
        WriteSiteFile("css/site.css", "body { color: red; } /* changed, and longer */");

        await RunAsync();

        Assert.Equal(new[] { UrlOf("css/site.css") }, AcceptedByFake(before));
        Assert.Single(PurgeRequests(before));
    }

    [Fact]
    public async Task V2Run_SendsEveryUrl_AsRefreshCdnOverSeaUrl()
    {
        var settings = Settings() with { Api = Qcloud.CdnRefresh.Build.Providers.V2.V2Provider.Registration, Endpoint = Server.V2Endpoint };

        await RunAsync(settings);

        var request = Assert.Single(PurgeRequests());
        Assert.Equal("RefreshCdnOverSeaUrl", request.Action);
        Assert.True(request.SignatureVerified);
        Assert.Equal(UrlsOf(InitialFiles), request.Urls.OrderBy(u => u, StringComparer.Ordinal));
    }
}
