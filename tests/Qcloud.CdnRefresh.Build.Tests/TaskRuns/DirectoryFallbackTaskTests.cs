using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System;
using Microsoft.Build.Framework;
using Qcloud.CdnRefresh.Build.MSBuild;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

/// <summary>
/// The directory fallback through the task: with <c>CdnRefreshOverQuota=directory</c>, a run over the URL quota refreshes
/// the changed files' directories instead (v3 <c>PurgePathCache</c> with <c>FlushType=flush</c>), within the directory
/// quota. API 2.0's fallback is in <see cref="V2DirectoryFallbackTaskTests"/>.
/// </summary>
public sealed class DirectoryFallbackTaskTests
{
    private const string PathPurge = "PurgePathCache";

    /// <summary>Five files in three top folders; <c>img/icons/</c> lies inside <c>img/</c>.</summary>
    private static readonly string[] Files = { "css/a.css", "css/b.css", "img/logo.png", "img/icons/x.svg", "js/app.js" };

    internal static readonly string[] ExpectedDirectories =
    {
        "https://www.example.com/css/",
        "https://www.example.com/img/",
        "https://www.example.com/js/",
    };

    private static IEnumerable<string> FileUrls => Files.Select(f => TaskHarness.BaseUrl + f);

    [Fact]
    public async Task V3_OverQuota_SendsPurgePathCacheWithFlushTypeFlushAndTheArea()
    {
        await using var harness = await StartAsync(new FakeTencentApiOptions { DailyQuota = 4 });

        var run = harness.Run(task => Directory(task, area: "mainland"));

        Assert.True(run.Succeeded, run.AllText);
        var request = Assert.Single(run.Requests, r => r.Action == PathPurge);
        Assert.Null(request.ApiCode);
        using var body = JsonDocument.Parse(request.BodyText);
        Assert.Equal("flush", body.RootElement.GetProperty("FlushType").GetString());
        Assert.Equal("mainland", request.Area);
        Assert.Empty(run.Purges);
    }

    [Fact]
    public async Task V3_OverQuota_RefreshesDirectoriesThatCoverEveryChangedUrl()
    {
        await using var harness = await StartAsync(new FakeTencentApiOptions { DailyQuota = 4 });

        var run = harness.Run(task => Directory(task));

        Assert.True(run.Succeeded, run.AllText);
        var paths = run.Requests.Where(r => r.Action == PathPurge).SelectMany(r => r.Paths).ToList();
        Assert.Equal(ExpectedDirectories, paths.OrderBy(p => p, StringComparer.Ordinal));
        Assert.All(FileUrls, url => Assert.Contains(paths, p => url.StartsWith(p, StringComparison.Ordinal)));
        Assert.Equal(3, harness.Server.PathsAccepted("overseas"));
        Assert.Equal(0, harness.Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task V3_OverQuota_LogsAHighImportanceLinePerDirectoryWithTheUrlsItCovers()
    {
        await using var harness = await StartAsync(new FakeTencentApiOptions { DailyQuota = 4 });

        var run = harness.Run(task => Directory(task));

        Assert.True(run.Succeeded, run.AllText);
        var high = run.Messages.Where(m => m.Importance == MessageImportance.High).Select(m => m.Message!).ToList();
        Assert.Contains(high, m => m.EndsWith("https://www.example.com/css/ covers 2 URLs", StringComparison.Ordinal));
        Assert.Contains(high, m => m.EndsWith("https://www.example.com/img/ covers 2 URLs", StringComparison.Ordinal));
        Assert.Contains(high, m => m.EndsWith("https://www.example.com/js/ covers 1 URL", StringComparison.Ordinal));
        Assert.Contains(high, m => m.Contains("CdnRefreshOverQuota=directory refreshes 3 directories instead", StringComparison.Ordinal));
    }

    [Fact]
    public async Task V3_OverQuota_IntoOneDirectory_SaysDirectoryInTheSingular()
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { DailyQuota = 1 }, fileCount: 0);
        harness.WriteFile("css/a.css", "a");
        harness.WriteFile("css/b.css", "b");

        var run = harness.Run(task => Directory(task));

        Assert.True(run.Succeeded, run.AllText);
        Assert.Equal(new[] { "https://www.example.com/css/" }, Assert.Single(run.Requests, r => r.Action == PathPurge).Paths);
        Assert.Contains(run.Messages, m => m.Importance == MessageImportance.High && m.Message!.Contains("refreshes 1 directory instead", StringComparison.Ordinal));
    }

    [Fact]
    public async Task V3_OverQuota_LeavesNoPendingUrlsInTheManifest_AndTheNextRunSendsNothing()
    {
        await using var harness = await StartAsync(new FakeTencentApiOptions { DailyQuota = 4 });
        Assert.True(harness.Run(task => Directory(task)).Succeeded);

        var manifest = harness.LoadManifest()!;
        var next = harness.Run(task => Directory(task));

        Assert.Empty(manifest.PendingUrls);
        Assert.Equal(Files.Length, manifest.Files.Count);
        Assert.True(next.Succeeded, next.AllText);
        Assert.Empty(next.Requests);
    }

    [Fact]
    public async Task V3_OverQuota_RefreshedUrlsAreTheCoveredUrls()
    {
        await using var harness = await StartAsync(new FakeTencentApiOptions { DailyQuota = 4 });

        var run = harness.Run(task => Directory(task));

        Assert.True(run.Succeeded, run.AllText);
        Assert.Equal(FileUrls.OrderBy(u => u, StringComparer.Ordinal), run.RefreshedUrls.OrderBy(u => u, StringComparer.Ordinal));
    }

    [Fact]
    public async Task V3_OverQuota_SplitsDirectoriesByThePathQuotaBatch()
    {
        await using var harness = await StartAsync(new FakeTencentApiOptions { DailyQuota = 4, PathBatchLimit = 2 });

        var run = harness.Run(task => Directory(task));

        Assert.True(run.Succeeded, run.AllText);
        Assert.Equal(new[] { 2, 1 }, run.Requests.Where(r => r.Action == PathPurge).OrderBy(r => r.Sequence).Select(r => r.Paths.Count));
    }

    [Fact]
    public async Task V3_OverQuota_PathQuotaBatchAboveTheClientLimit_IsCappedAt1000()
    {
        await using var harness = await StartAsync(new FakeTencentApiOptions { DailyQuota = 4, PathBatchLimit = 2000 });

        var run = harness.Run(task => Directory(task));

        Assert.True(run.Succeeded, run.AllText);
        Assert.Equal(3, Assert.Single(run.Requests, r => r.Action == PathPurge).Paths.Count);
    }

    [Fact]
    public async Task V3_OverQuota_FewerDirectoriesLeftThanFolders_MergesIntoTheirParent()
    {
        await using var harness = await StartAsync(new FakeTencentApiOptions { DailyQuota = 4, DailyPathQuota = 2 });

        var run = harness.Run(task => Directory(task));

        Assert.True(run.Succeeded, run.AllText);
        var paths = run.Requests.Where(r => r.Action == PathPurge).SelectMany(r => r.Paths).ToList();
        Assert.True(paths.Count <= 2, string.Join(", ", paths));
        Assert.All(FileUrls, url => Assert.Contains(paths, p => url.StartsWith(p, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task V3_OverQuota_WithTheDirectoryQuotaExhaustedToo_IsQcdn3007_AndSendsNothing()
    {
        await using var harness = await StartAsync(new FakeTencentApiOptions { DailyQuota = 4, DailyPathQuota = 0 });

        var run = harness.Run(task => Directory(task));

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN3007", error.Code);
        Assert.Contains("needs 5 URL refreshes", error.Message);
        Assert.Contains("only 4 are left", error.Message);
        Assert.Equal(new[] { "DescribePurgeQuota" }, run.Requests.Select(r => r.Action));
        Assert.Null(harness.ManifestBytes());
    }

    [Fact]
    public async Task V3_WithinQuota_OverQuotaDirectory_StillSendsUrls()
    {
        await using var harness = await StartAsync();

        var run = harness.Run(task => Directory(task));

        Assert.True(run.Succeeded, run.AllText);
        Assert.Equal(FileUrls.OrderBy(u => u, StringComparer.Ordinal), run.AcceptedPurgeUrls.OrderBy(u => u, StringComparer.Ordinal));
        Assert.DoesNotContain(run.Requests, r => r.Action == PathPurge);
    }

    [Fact]
    public async Task DryRun_OverQuotaDirectory_LogsTheDirectoriesItWouldRefresh_AndSendsNothing()
    {
        await using var harness = await StartAsync();
        harness.Credentials = () => throw new InvalidOperationException("a dry run read the credentials");

        var run = harness.Run(task =>
        {
            Directory(task, dailyQuota: "2");
            task.DryRun = "true";
        });

        Assert.True(run.Succeeded, run.AllText);
        Assert.Empty(run.Requests);
        Assert.Empty(run.Warnings);
        var high = run.Messages.Where(m => m.Importance == MessageImportance.High).Select(m => m.Message!).ToList();
        Assert.Contains(high, m => m.EndsWith("  would refresh https://www.example.com/css/, which covers 2 URLs", StringComparison.Ordinal));
        Assert.Contains(high, m => m.EndsWith("  would refresh https://www.example.com/img/, which covers 2 URLs", StringComparison.Ordinal));
        Assert.Contains(high, m => m.EndsWith("  would refresh https://www.example.com/js/, which covers 1 URL", StringComparison.Ordinal));

        Assert.Null(harness.ManifestBytes());
    }

    /// <summary>A harness over the five files.</summary>
    internal static async Task<TaskHarness> StartAsync(FakeTencentApiOptions? options = null)
    {
        var harness = await TaskHarness.StartAsync(options, fileCount: 0);
        foreach (var file in Files)
        {
            harness.WriteFile(file, "content of " + file);
        }

        return harness;
    }

    /// <summary><c>CdnRefreshOverQuota=directory</c>, with the area and daily quota when given.</summary>
    internal static void Directory(RefreshCdnOversea task, string? area = null, string? dailyQuota = null)
    {
        task.OverQuota = "directory";
        if (area is not null)
        {
            task.Area = area;
        }

        if (dailyQuota is not null)
        {
            task.DailyQuota = dailyQuota;
        }
    }
}
