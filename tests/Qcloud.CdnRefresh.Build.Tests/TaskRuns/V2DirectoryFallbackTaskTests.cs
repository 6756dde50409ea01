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

/// <summary>The directory fallback through API 2.0: <c>RefreshCdnOverSeaDir</c> (<c>RefreshCdnDir</c> on the mainland) in batches of at most 20, counted in the usage file beside the manifest.</summary>
public sealed class V2DirectoryFallbackTaskTests
{
    private const string V2DirPurge = "RefreshCdnOverSeaDir";

    [Fact]
    public async Task V2_OverQuota_SendsRefreshCdnOverSeaDir_AtMost20DirectoriesARequest()
    {
        await using var harness = await TaskHarness.StartAsync(fileCount: 0);
        for (var i = 0; i < 25; i++)
        {
            harness.WriteFile($"d{i:00}/page.html", "page " + i);
        }

        var run = harness.Run(task =>
        {
            QuotaBudgetTaskTests.V2(task);
            DirectoryFallbackTaskTests.Directory(task, dailyQuota: "10");
        });

        Assert.True(run.Succeeded, run.AllText);
        var requests = run.Requests.Where(r => r.Action == V2DirPurge).OrderBy(r => r.Sequence).ToList();
        Assert.Equal(new[] { 20, 5 }, requests.Select(r => r.Paths.Count));
        Assert.All(requests, r => Assert.Equal("0", r.ApiCode));
        Assert.Equal(
            Enumerable.Range(0, 25).Select(i => $"{TaskHarness.BaseUrl}d{i:00}/"),
            requests.SelectMany(r => r.Paths).OrderBy(p => p, StringComparer.Ordinal));
        Assert.Empty(run.Purges);
    }

    [Fact]
    public async Task V2Mainland_OverQuota_SendsRefreshCdnDirOfWhatChanged()
    {
        await using var harness = await DirectoryFallbackTaskTests.StartAsync();

        var run = harness.Run(task =>
        {
            QuotaBudgetTaskTests.V2(task);
            DirectoryFallbackTaskTests.Directory(task, area: "mainland", dailyQuota: "4");
        });

        Assert.True(run.Succeeded, run.AllText);
        var request = Assert.Single(run.Requests, r => r.Action == "RefreshCdnDir");
        Assert.Equal("1", request.Parameters["type"]);
        Assert.Equal(DirectoryFallbackTaskTests.ExpectedDirectories, request.Paths.OrderBy(p => p, StringComparer.Ordinal));
        Assert.Equal(3, harness.Server.PathsAccepted("mainland"));
    }

    [Fact]
    public async Task V2_OverQuota_CountsTheDirectoriesInTheUsageFile()
    {
        await using var harness = await DirectoryFallbackTaskTests.StartAsync();
        harness.FixClock(QuotaBudgetTaskTests.LateUtcAfternoon);

        var run = harness.Run(task =>
        {
            QuotaBudgetTaskTests.V2(task);
            DirectoryFallbackTaskTests.Directory(task, dailyQuota: "4");
        });

        Assert.True(run.Succeeded, run.AllText);
        using var usage = JsonDocument.Parse(File.ReadAllBytes(harness.ManifestPath + ".usage.json"));
        var day = Assert.Single(usage.RootElement.GetProperty("days").EnumerateArray());
        Assert.Equal(QuotaBudgetTaskTests.BeijingDay, day.GetProperty("day").GetString());
        Assert.Equal(harness.Server.PathsAccepted("overseas"), day.GetProperty("directories").GetInt32());
        Assert.Equal(3, day.GetProperty("directories").GetInt32());
        Assert.Equal(0, day.GetProperty("urls").GetInt32());
    }

    [Fact]
    public async Task V2_OverQuota_WithTodaysHundredDirectoriesUsed_IsQcdn3007_AndSendsNothing()
    {
        await using var harness = await DirectoryFallbackTaskTests.StartAsync();
        harness.FixClock(QuotaBudgetTaskTests.LateUtcAfternoon);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(harness.ManifestPath)!);
        File.WriteAllText(
            harness.ManifestPath + ".usage.json",
            $"{{\"version\":1,\"days\":[{{\"day\":\"{QuotaBudgetTaskTests.BeijingDay}\",\"area\":\"overseas\",\"urls\":0,\"directories\":100}}]}}");

        var run = harness.Run(task =>
        {
            QuotaBudgetTaskTests.V2(task);
            DirectoryFallbackTaskTests.Directory(task, dailyQuota: "4");
        });

        Assert.False(run.Succeeded);
        Assert.Equal(new[] { "QCDN3007" }, run.ErrorCodes);
        Assert.Empty(run.Requests);
    }
}
