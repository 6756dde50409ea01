using System.Linq;
using System.Net.Sockets;
using System.Net;
using System;
using Qcloud.CdnRefresh.Build.MSBuild;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Signing;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

/// <summary>Runs that the API or the quota refuses, through the task: the QCDN code, the manifest afterwards, and that the next run sends exactly what is still owed.</summary>
public sealed class RefusedRunTaskTests
{
    private const string Purge = "PurgeUrlsCache";

    /// <summary><paramref name="api"/> null leaves <c>CdnRefreshApi</c> at its default, v3.</summary>
    [Theory]
    [InlineData(null, "AuthFailure.SignatureFailure")]
    [InlineData("v2", "4100")]
    [InlineData("edgeone", "AuthFailure.SignatureFailure")]
    public async System.Threading.Tasks.Task WrongSecretKey_IsFinalQcdn3002_WithTheApiCodeAndAHintAtKeyAndClock(string? api, string apiCode)
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Credentials = () => new TencentCredentials(harness.Server.Options.SecretId, "wrong-key-000000000000000000000000");
        Action<RefreshCdnOversea> flavour = task =>
        {
            if (api == "v2")
            {
                QuotaBudgetTaskTests.V2(task);
            }
            else if (api == "edgeone")
            {
                EdgeOneTaskTests.EdgeOne(task, harness);
            }
        };

        var run = harness.Run(flavour);

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN3002", error.Code);
        Assert.Contains(apiCode, error.Message);
        Assert.Contains("clock", error.Message);
        Assert.Single(run.Purges);
        Assert.Equal(FaultMatrixTests.AllSixUrls(harness), harness.Owed().OrderBy(u => u, StringComparer.Ordinal));
        harness.Credentials = () => new TencentCredentials(harness.Server.Options.SecretId, harness.Server.Options.SecretKey);
        harness.AssertNextRunSendsExactly(harness.Owed(), flavour);
    }

    [Fact]
    public async System.Threading.Tasks.Task QuotaErrorInBatch2Of3_RecordsBatch1_OwesBatches2And3_AndTheNextRunSendsExactlyThose()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.InjectFault(FaultRule.V3Error("LimitExceeded.CdnPurgeUrlExceedDayLimit", "day limit").ForAction(Purge).OnRequest(3));

        var run = harness.Run(task => task.BatchSize = "2");

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN3003", error.Code);
        Assert.Contains("2 of 3", error.Message);
        Assert.Equal(2, run.Purges.Count);
        var batch1 = run.Purges[0].Urls;
        var owed = harness.LoadManifest()!.PendingUrls;
        Assert.Equal(4, owed.Count);
        Assert.Empty(owed.Intersect(batch1));

        harness.AssertNextRunSendsExactly(owed, task => task.BatchSize = "2");
    }

    [Fact]
    public async System.Threading.Tasks.Task RunNeedingMoreThanTheDailyQuota_SendsNothing_AndLeavesNoManifest()
    {
        await using var harness = await TaskHarness.StartAsync();

        var run = harness.Run(task => task.DailyQuota = "5");

        Assert.False(run.Succeeded);
        Assert.Equal(new[] { "QCDN3007" }, run.ErrorCodes);
        Assert.Empty(run.Requests);
        Assert.Null(harness.ManifestBytes());
        harness.AssertNextRunSendsExactly(FaultMatrixTests.AllSixUrls(harness).ToList());
    }

    [Fact]
    public async System.Threading.Tasks.Task DryRunNeedingMoreThanTheDailyQuota_WarnsQcdn3007_AndSucceeds()
    {
        await using var harness = await TaskHarness.StartAsync();

        var run = harness.Run(task =>
        {
            task.DailyQuota = "5";
            task.DryRun = "true";
        });

        Assert.True(run.Succeeded);
        Assert.Equal(new[] { "QCDN3007" }, run.WarningCodes);
        Assert.Empty(run.Requests);
    }

    [Fact]
    public async System.Threading.Tasks.Task RunNeedingMoreThanDescribePurgeQuotaAvailable_SendsNoPurge()
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { DailyQuota = 4 });

        var run = harness.Run();

        Assert.False(run.Succeeded);
        Assert.Equal(new[] { "QCDN3007" }, run.ErrorCodes);
        Assert.Empty(run.Purges);
    }
}
