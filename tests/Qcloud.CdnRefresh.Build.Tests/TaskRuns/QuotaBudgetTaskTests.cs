using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System;
using Qcloud.CdnRefresh.Build.Providers.V2;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

/// <summary>
/// The quota through the task: v3 spends what <c>DescribePurgeQuota</c> reports (batch size and what is left),
/// v2 counts what was accepted today in <c>&lt;manifest&gt;.usage.json</c>; a run that does not fit sends nothing.
/// </summary>
public sealed class QuotaBudgetTaskTests
{
    private const string Purge = "PurgeUrlsCache";

    [Theory]
    [InlineData("1000", 4, new[] { 4, 4, 2 })]
    [InlineData("3", 4, new[] { 3, 3, 3, 1 })]
    public async Task V3_PurgeBatches_AreTheSmallerOfCdnRefreshBatchSizeAndTheQuotaBatch(string batchSize, int quotaBatch, int[] expectedSizes)
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { BatchLimit = quotaBatch }, fileCount: 10);

        var run = harness.Run(task => task.BatchSize = batchSize);

        Assert.True(run.Succeeded, run.AllText);
        var purges = run.Requests.Where(r => r.Action == Purge).OrderBy(r => r.Sequence).ToList();
        Assert.Equal(expectedSizes, purges.Select(r => r.Urls.Count));
        Assert.All(purges, r => Assert.Null(r.ApiCode));
        Assert.Equal(10, harness.Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task V3_QuotaIsAskedBeforeAnyPurge()
    {
        await using var harness = await TaskHarness.StartAsync();

        var run = harness.Run();

        Assert.True(run.Succeeded, run.AllText);
        Assert.Equal(new[] { "DescribePurgeQuota", Purge }, run.Requests.OrderBy(r => r.Sequence).Select(r => r.Action));
    }

    [Fact]
    public async Task V3_AvailableBelowNeeded_IsQcdn3007NamingBothNumbers_AndSendsNoPurge()
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { DailyQuota = 4 });

        var run = harness.Run();

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN3007", error.Code);
        Assert.Contains("needs 6 URL refreshes", error.Message);
        Assert.Contains("only 4 are left", error.Message);
        Assert.Equal(new[] { "DescribePurgeQuota" }, run.Requests.Select(r => r.Action));
        Assert.Equal(0, harness.Server.UrlsAccepted("overseas"));
        Assert.Null(harness.ManifestBytes());
    }

    [Fact]
    public async Task V3_AvailableAfterAnEarlierRun_IsWhatTheNextRunMayUse()
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { DailyQuota = 8 });
        Assert.True(harness.Run().Succeeded);
        for (var i = 0; i < 3; i++)
        {
            harness.WriteFile($"f{i}.css", "changed " + i);
        }

        var run = harness.Run();

        Assert.Equal(new[] { "QCDN3007" }, run.ErrorCodes);
        Assert.Contains("needs 3 URL refreshes", run.Errors[0].Message);
        Assert.Contains("only 2 are left", run.Errors[0].Message);
        Assert.Empty(run.Purges);
        Assert.Empty(harness.LoadManifest()!.PendingUrls);
    }

    [Fact]
    public async Task V3_QuotaIsReadForTheConfiguredArea()
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { DailyQuota = 8 });
        Assert.True(harness.Run(task => task.Area = "overseas").Succeeded);

        // Other manifests, so the same six files are changes again: overseas has 2 left, mainland 8.
        var mainland = harness.Run(task =>
        {
            task.Area = "mainland";
            task.Manifest = Path.Combine(harness.Root, "mainland.manifest.json");
        });
        var overseas = harness.Run(task =>
        {
            task.Area = "overseas";
            task.Manifest = Path.Combine(harness.Root, "overseas2.manifest.json");
        });

        Assert.True(mainland.Succeeded, mainland.AllText);
        Assert.Equal(6, Assert.Single(mainland.Purges).Urls.Count);
        Assert.Equal("mainland", mainland.Purges[0].Area);
        Assert.Equal(new[] { "QCDN3007" }, overseas.ErrorCodes);
        Assert.Contains("only 2 are left", overseas.Errors[0].Message);
        Assert.Empty(overseas.Purges);
    }

    [Fact]
    public async Task V2_UsageFile_CountsAcceptedUrlsPerBeijingDayAndArea()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.FixClock(LateUtcAfternoon);
        Assert.True(harness.Run(V2).Succeeded);
        harness.WriteFile("f0.css", "changed");
        harness.WriteFile("f1.css", "changed");

        var run = harness.Run(V2);

        Assert.True(run.Succeeded, run.AllText);
        using var usage = JsonDocument.Parse(File.ReadAllBytes(harness.ManifestPath + ".usage.json"));
        var day = Assert.Single(usage.RootElement.GetProperty("days").EnumerateArray());
        Assert.Equal(BeijingDay, day.GetProperty("day").GetString());
        Assert.Equal("overseas", day.GetProperty("area").GetString());
        Assert.Equal(harness.Server.UrlsAccepted("overseas"), day.GetProperty("urls").GetInt32());
        Assert.Equal(8, day.GetProperty("urls").GetInt32());
        Assert.Equal(0, day.GetProperty("directories").GetInt32());
    }

    [Fact]
    public async Task V2_UsageFile_KeepsEachAreaApart()
    {
        await using var harness = await TaskHarness.StartAsync();
        Assert.True(harness.Run(V2).Succeeded);
        harness.WriteFile("f0.css", "changed");

        var run = harness.Run(task =>
        {
            V2(task);
            task.Area = "mainland";
        });

        Assert.True(run.Succeeded, run.AllText);
        Assert.Equal("RefreshCdnUrl", Assert.Single(run.Purges).Action);
        using var usage = JsonDocument.Parse(File.ReadAllBytes(harness.ManifestPath + ".usage.json"));
        var counts = usage.RootElement.GetProperty("days").EnumerateArray()
            .ToDictionary(d => d.GetProperty("area").GetString()!, d => d.GetProperty("urls").GetInt32());
        Assert.Equal(6, counts["overseas"]);
        Assert.Equal(1, counts["mainland"]);
    }

    [Fact]
    public async Task V2_SecondRunOverCdnRefreshDailyQuota_GivenTheFirstRunsUsage_IsQcdn3007_AndSendsNothing()
    {
        await using var harness = await TaskHarness.StartAsync();
        Assert.True(harness.Run(task => V2Quota(task, "8")).Succeeded);
        var manifestBefore = harness.ManifestBytes();
        for (var i = 0; i < 3; i++)
        {
            harness.WriteFile($"f{i}.css", "changed " + i);
        }

        var run = harness.Run(task => V2Quota(task, "8"));

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN3007", error.Code);
        Assert.Contains("needs 3 URL refreshes", error.Message);
        Assert.Contains("only 2 are left", error.Message);
        Assert.Empty(run.Requests);
        Assert.Equal(6, harness.Server.UrlsAccepted("overseas"));
        Assert.Equal(manifestBefore, harness.ManifestBytes());
    }

    [Fact]
    public async Task V2_RunThatFitsWhatIsLeftToday_IsSent()
    {
        await using var harness = await TaskHarness.StartAsync();
        Assert.True(harness.Run(task => V2Quota(task, "8")).Succeeded);
        harness.WriteFile("f0.css", "changed");
        harness.WriteFile("f1.css", "changed");

        var run = harness.Run(task => V2Quota(task, "8"));

        Assert.True(run.Succeeded, run.AllText);
        Assert.Equal(new[] { harness.UrlOf("f0.css"), harness.UrlOf("f1.css") }, run.AcceptedPurgeUrls.OrderBy(u => u, StringComparer.Ordinal));
    }

    [Fact]
    public async Task V2_UsageFile_CountsOnlyTheAcceptedBatches_WhenALaterBatchIsRefused()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.InjectFault(FaultRule.V2Error(4000, "(22044)URL刷新数目超出单日限额", "22044").ForAction("RefreshCdnOverSeaUrl").OnRequest(2));

        var run = harness.Run(task =>
        {
            V2(task);
            task.BatchSize = "3";
        });

        Assert.False(run.Succeeded);
        Assert.Equal(3, run.AcceptedPurgeUrls.Count);
        using var usage = JsonDocument.Parse(File.ReadAllBytes(harness.ManifestPath + ".usage.json"));
        Assert.Equal(3, Assert.Single(usage.RootElement.GetProperty("days").EnumerateArray()).GetProperty("urls").GetInt32());
        Assert.Equal(3, harness.LoadManifest()!.PendingUrls.Count);
    }

    internal static void V2(Build.MSBuild.RefreshCdnOversea task)
    {
        task.Api = "v2";
        task.Endpoint = task.Endpoint!.TrimEnd('/') + "/v2/index.php";
    }

    /// <summary>16:30 UTC on 29 November 2026: already 30 November in Beijing (UTC+8), so a day taken in UTC would show.</summary>
    internal static readonly DateTimeOffset LateUtcAfternoon = new(2026, 11, 29, 16, 30, 0, TimeSpan.Zero);

    /// <summary>The Beijing day of <see cref="LateUtcAfternoon"/>.</summary>
    internal const string BeijingDay = "2026-11-30";

    private static void V2Quota(Build.MSBuild.RefreshCdnOversea task, string dailyQuota)
    {
        V2(task);
        task.DailyQuota = dailyQuota;
    }
}
