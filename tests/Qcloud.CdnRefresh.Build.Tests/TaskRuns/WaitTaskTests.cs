using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.MSBuild;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

/// <summary>
/// Waiting through the task: with <c>CdnRefreshWait=true</c> the run polls the refresh status until every
/// refresh is done, fails on a refresh Tencent gave up on, and warns when <c>CdnRefreshWaitTimeout</c> passes. The
/// harness makes the delays instant and records them, so the timeout is counted from what was asked for.
/// </summary>
public sealed class WaitTaskTests
{
    private const string Purge = "PurgeUrlsCache";
    private const string Status = "DescribePurgeTasks";
    private const string V2Log = "GetCdnOverseaRefreshLog";

    [Fact]
    public async Task V3_TasksRunningForTwoPolls_ThenDone_Succeeds_AfterThreeDescribePurgeTasksCallsForTheTask()
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { TaskQueriesUntilDone = 2 });

        var run = harness.Run(Wait);

        Assert.True(run.Succeeded, run.AllText);
        Assert.Empty(run.Warnings);
        var purge = Assert.Single(run.Purges);
        var polls = run.Requests.Where(r => r.Action == Status).ToList();
        Assert.Equal(3, polls.Count);
        Assert.All(polls, p => Assert.True(p.Sequence > purge.Sequence));
        Assert.All(polls, p => Assert.Equal(purge.TaskId, TaskIdOf(p)));
        Assert.Equal(2, harness.Delays.Count);
    }

    [Fact]
    public async Task V3_FailedRefresh_IsLeftOutOfRefreshedUrls()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.FailUrls(harness.UrlOf("f2.css"));

        var run = harness.Run(Wait);

        Assert.Equal(5, run.RefreshedUrls.Count);
        Assert.DoesNotContain(harness.UrlOf("f2.css"), run.RefreshedUrls);
        Assert.Equal(6, run.AcceptedPurgeUrls.Count);
    }

    [Fact]
    public async Task WaitFalse_IsTheDefault_AndAsksNoStatus()
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { TaskQueriesUntilDone = 2 });

        var run = harness.Run();

        Assert.True(run.Succeeded, run.AllText);
        Assert.DoesNotContain(run.Requests, r => r.Action == Status);
    }

    [Fact]
    public async Task V3_FailedRefresh_IsQcdn3008NamingTheUrl_AndFailsTheBuild()
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { TaskQueriesUntilDone = 1 });
        harness.Server.FailUrls(harness.UrlOf("f2.css"));

        var run = harness.Run(Wait);

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN3008", error.Code);
        Assert.Contains(harness.UrlOf("f2.css"), error.Message);
        Assert.DoesNotContain(harness.UrlOf("f1.css"), error.Message);
    }

    [Fact]
    public async Task V3_FailedRefresh_IsOwedInTheManifest_AndTheNextRunSendsExactlyIt()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.FailUrls(harness.UrlOf("f2.css"));
        Assert.False(harness.Run(Wait).Succeeded);

        var pending = harness.LoadManifest()!.PendingUrls;
        var next = harness.Run();

        Assert.Equal(new[] { harness.UrlOf("f2.css") }, pending);
        Assert.True(next.Succeeded, next.AllText);
        Assert.Equal(new[] { harness.UrlOf("f2.css") }, Assert.Single(next.Purges).Urls);
    }

    [Fact]
    public async Task V3_FailedRefresh_WithContinueOnError_IsAWarningQcdn3008_AndTheBuildSucceeds()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.FailUrls(harness.UrlOf("f2.css"));

        var run = harness.Run(task =>
        {
            Wait(task);
            task.ContinueOnApiError = "true";
        });

        Assert.True(run.Succeeded, run.AllText);
        Assert.Empty(run.Errors);
        var warning = Assert.Single(run.Warnings);
        Assert.Equal("QCDN3008", warning.Code);
        Assert.Contains(harness.UrlOf("f2.css"), warning.Message);
        Assert.Equal(new[] { harness.UrlOf("f2.css") }, harness.LoadManifest()!.PendingUrls);
    }

    [Fact]
    public async Task V3_WaitTimeout_WithTasksThatNeverFinish_IsWarningQcdn3102_AndTheBuildSucceeds()
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { TaskQueriesUntilDone = 1_000_000 });

        var run = harness.Run(task =>
        {
            Wait(task);
            task.WaitTimeout = "1";
        });

        Assert.True(run.Succeeded, run.AllText);
        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "QCDN3102" }, run.WarningCodes);
        Assert.Equal(TimeSpan.FromSeconds(1), harness.Delays.Aggregate(TimeSpan.Zero, (sum, d) => sum + d));
        Assert.True(run.Requests.Count(r => r.Action == Status) >= 2);
        Assert.Empty(harness.LoadManifest()!.PendingUrls);
    }

    [Fact]
    public async Task V3_WaitTimeout_Default_Is300SecondsOfRequestedDelays()
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { TaskQueriesUntilDone = 1_000_000 });

        var run = harness.Run(Wait);

        Assert.Equal(new[] { "QCDN3102" }, run.WarningCodes);
        Assert.Equal(TimeSpan.FromSeconds(300), harness.Delays.Aggregate(TimeSpan.Zero, (sum, d) => sum + d));
    }

    [Fact]
    public async Task V3_StatusQueryRefused_IsWarningQcdn3103_AndTheBuildSucceeds()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.InjectFault(FaultRule.V3Error("UnauthorizedOperation.CdnCamUnauthorized", "cdn:DescribePurgeTasks is not allowed").ForAction(Status));

        var run = harness.Run(Wait);

        Assert.True(run.Succeeded, run.AllText);
        Assert.Equal(new[] { "QCDN3103" }, run.WarningCodes);
        Assert.Empty(harness.LoadManifest()!.PendingUrls);
    }

    [Fact]
    public async Task V3_DirectoryRefreshFailed_OwesEveryUrlItCovered()
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { DailyQuota = 2 }, fileCount: 0);
        harness.WriteFile("css/a.css", "a");
        harness.WriteFile("css/b.css", "b");
        harness.WriteFile("js/app.js", "app");
        harness.Server.FailUrls(harness.UrlOf("css/"));

        var run = harness.Run(task =>
        {
            Wait(task);
            task.OverQuota = "directory";
        });

        Assert.Equal(new[] { "QCDN3008" }, run.ErrorCodes);
        Assert.Contains(harness.UrlOf("css/"), run.Errors[0].Message);
        Assert.Contains(run.Requests, r => r.Action == Status && r.BodyText.Contains("\"path\"", StringComparison.Ordinal));
        Assert.Equal(new[] { harness.UrlOf("css/a.css"), harness.UrlOf("css/b.css") }, harness.LoadManifest()!.PendingUrls.OrderBy(u => u, StringComparer.Ordinal));
    }

    [Fact]
    public async Task V2_PollsGetCdnOverseaRefreshLog_UntilDone()
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { TaskQueriesUntilDone = 1 });

        var run = harness.Run(task =>
        {
            QuotaBudgetTaskTests.V2(task);
            Wait(task);
        });

        Assert.True(run.Succeeded, run.AllText);
        Assert.Empty(run.Warnings);
        var purge = Assert.Single(run.Purges);
        var polls = run.Requests.Where(r => r.Action == V2Log).ToList();
        Assert.Equal(2, polls.Count);
        Assert.All(polls, p => Assert.True(p.Sequence > purge.Sequence));
        Assert.All(polls, p => Assert.Equal("0", p.ApiCode));
    }

    [Fact]
    public async Task V2_FailedRefresh_IsQcdn3008NamingTheUrl()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.FailUrls(harness.UrlOf("f4.css"));

        var run = harness.Run(task =>
        {
            QuotaBudgetTaskTests.V2(task);
            Wait(task);
        });

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN3008", error.Code);
        Assert.Contains(harness.UrlOf("f4.css"), error.Message);
        Assert.Equal(new[] { harness.UrlOf("f4.css") }, harness.LoadManifest()!.PendingUrls);
    }

    [Fact]
    public async Task V2Mainland_PollsGetCdnRefreshLogByTaskId_UntilDone()
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { TaskQueriesUntilDone = 1 });

        var run = harness.Run(task =>
        {
            QuotaBudgetTaskTests.V2(task);
            Wait(task);
            task.Area = "mainland";
        });

        Assert.True(run.Succeeded, run.AllText);
        Assert.Empty(run.Warnings);
        var purge = Assert.Single(run.Purges);
        var polls = run.Requests.Where(r => r.Action == "GetCdnRefreshLog").ToList();
        Assert.Equal(2, polls.Count);
        Assert.All(polls, p => Assert.Equal(purge.TaskId, p.Parameters["taskId"]));
    }

    private static void Wait(RefreshCdnOversea task) => task.Wait = "true";

    private static string? TaskIdOf(RecordedRequest request)
    {
        using var body = JsonDocument.Parse(request.BodyText);
        return body.RootElement.TryGetProperty("TaskId", out var id) ? id.GetString() : null;
    }
}
