using System.Linq;
using System.Net.Sockets;
using System.Net;
using System;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Signing;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

/// <summary>The build cancelled (Ctrl+C, ICancelableTask.Cancel) while the fake holds a request.</summary>
public sealed class CancellationTaskTests
{
    private const string Purge = "PurgeUrlsCache";

    /// <summary>
    /// What README's "stops at once: the request in flight is abandoned" rests on, shown by events, not by time. The
    /// harness's request timer never fires by itself and the fake would answer the held request normally once its hang
    /// ran out: so a run that returns with that request unanswered and nothing accepted was ended by the cancellation.
    /// </summary>
    [Fact]
    public async System.Threading.Tasks.Task Cancel_WhileTheFakeHoldsARequest_AbandonsTheRequestAtOnce()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.InjectFault(FaultRule.Hang(TimeSpan.FromSeconds(30)).ForAction(Purge));

        var cancelled = harness.RunTask(
            _ => { },
            task =>
            {
                harness.Server.WaitForHangsAsync().GetAwaiter().GetResult();
                task.Cancel();
            });

        Assert.False(cancelled.Succeeded);
        Assert.Contains(cancelled.Messages, m => m.Message == "CdnRefresh: cancelled.");
        Assert.Equal(0, harness.Server.UrlsAccepted("overseas"));
        Assert.DoesNotContain(cancelled.Warnings, w => w.Code == "QCDN3101");
        var held = await harness.Server.WaitForRequestAsync(r => r.Action == Purge);
        Assert.Equal(FaultKind.Hang, held.Fault);
        Assert.Equal(0, held.StatusCode);
        harness.AssertNextRunSendsExactly(FaultMatrixTests.AllSixUrls(harness).ToList());
    }

    [Fact]
    public async System.Threading.Tasks.Task CancelDuringABatch_KeepsTheManifestConsistent_AndTheNextRunSendsEverything()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Run(task => task.BatchSize = "2");
        for (var i = 0; i < 6; i++)
        {
            harness.WriteFile($"f{i}.css", "changed " + i);
        }

        // This run: DescribePurgeQuota, batch 1, then batch 2 hangs; the cancel comes once the fake holds batch 2.
        var batch1Done = harness.Server.Requests.Count + 2;
        harness.Server.InjectFault(FaultRule.Hang(TimeSpan.FromSeconds(30)).ForAction(Purge).OnRequest(batch1Done + 1));
        var cancelled = harness.RunTask(
            task => task.BatchSize = "2",
            task =>
            {
                harness.Server.WaitForHangsAsync().GetAwaiter().GetResult();
                task.Cancel();
            });

        Assert.False(cancelled.Succeeded);
        var batch1 = cancelled.Purges[0].Urls;
        var owed = harness.LoadManifest()!.PendingUrls;
        Assert.Equal(4, owed.Count);
        Assert.Empty(owed.Intersect(batch1));
        harness.AssertNextRunSendsExactly(owed, task => task.BatchSize = "2");
    }
}
