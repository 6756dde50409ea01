using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Refresh;

/// <summary>Runs that must not send anything.</summary>
public class RefreshRunGuardTests : RefreshRunTestBase
{
    [Fact]
    public async Task DryRun_SendsNothing_WritesNoManifest_AndDoesNotReadCredentials()
    {
        await RunAsync(Settings() with { DryRun = true });

        Assert.Empty(Server.Requests);
        Assert.False(File.Exists(ManifestPath));
        Assert.Equal(0, CredentialReads);
    }

    [Fact]
    public async Task MoreUrlsThanDailyQuota_FailsWithQcdn3007_AndSendsNothing()
    {
        var exception = await Assert.ThrowsAsync<CdnRefreshException>(() => RunAsync(Settings() with { DailyQuota = InitialFiles.Length - 1 }));

        Assert.Equal("QCDN3007", exception.Code);
        Assert.Empty(Server.Requests);
        Assert.False(File.Exists(ManifestPath));
    }

    [Fact]
    public async Task EmptyContentRoot_WarnsQcdn2004_SendsNothing_AndLeavesTheManifestAlone()
    {
        await RunAsync();
        var manifestBefore = File.ReadAllBytes(ManifestPath);
        var requestsBefore = Server.Requests.Count;
        foreach (var file in Directory.GetFiles(ContentRoot, "*", SearchOption.AllDirectories))
        {
            File.Delete(file);
        }

        NewLog();
        await RunAsync();

        Assert.Equal("QCDN2004", Assert.Single(Log.Warnings).Code);
        Assert.Equal(requestsBefore, Server.Requests.Count);
        Assert.Equal(manifestBefore, File.ReadAllBytes(ManifestPath));
    }

    [Fact]
    public async Task PublishManifest_WritesItIntoTheContentRoot_ListingTheSiteFiles()
    {
        await RunAsync(Settings() with { PublishManifest = true });

        var published = Path.Combine(ContentRoot, "cdn-refresh-manifest.json");
        Assert.True(File.Exists(published));
        Assert.Equal(InitialFiles.OrderBy(f => f, StringComparer.Ordinal), ManifestFilePaths(published));
    }

    [Fact]
    public async Task PublishedManifest_IsNotItselfRefreshed_ByLaterRuns()
    {
        // AddedFiles: a published manifest that were not excluded would be refreshed as a new file on run 2,
        // and as a modified one on run 3.
        var settings = Settings() with { PublishManifest = true, AddedFiles = true };
        await RunAsync(settings);
        var before = LastSequence();
        WriteSiteFile("app.js", "console.log('changed, and longer than before');");

        await RunAsync(settings);
        WriteSiteFile("app.js", "console.log('changed again, and longer than before');");
        await RunAsync(settings);

        Assert.Equal(new[] { UrlOf("app.js"), UrlOf("app.js") }, AcceptedByFake(before));
        Assert.DoesNotContain("cdn-refresh-manifest.json", ManifestFilePaths(ManifestPath));
    }
}
