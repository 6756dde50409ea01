using System.Linq;
using System.Net.Sockets;
using System.Net;
using System.Threading.Tasks;
using System;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Refresh;
using Qcloud.CdnRefresh.Build.Reporting;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Refresh;

/// <summary>
/// Six files in batches of two, and the fake refuses batch 2 with the daily-limit error. A v3 run asks
/// DescribePurgeQuota first, so the batches are requests 2, 3 and 4.
/// </summary>
public class RefreshRunFailureTests : RefreshRunTestBase
{
    private static readonly string[] ExtraFiles = { "js/one.js", "js/two.js" };

    private static string[] AllUrls => UrlsOf(InitialFiles.Concat(ExtraFiles));

    [Fact]
    public async Task Batch2Of3Fails_ResultAndLogCarryQcdn3003()
    {
        var result = await RunWithBatch2RefusedAsync();

        Assert.Equal("QCDN3003", result.FailureCode);
        Assert.Equal("QCDN3003", Assert.Single(Log.Errors).Code);
    }

    [Fact]
    public async Task Batch2Of3Fails_ManifestOwesExactlyTheUrlsOfBatches2And3()
    {
        await RunWithBatch2RefusedAsync();

        var purges = PurgeRequests();
        Assert.Equal(2, purges.Count);
        var batch1 = purges[0].Urls;
        Assert.Equal(2, batch1.Count);
        Assert.Equal("LimitExceeded.CdnPurgeUrlExceedDayLimit", purges[1].ApiCode);
        Assert.Equal(AllUrls.Except(batch1).OrderBy(u => u, StringComparer.Ordinal), ManifestPendingUrls());
        Assert.Equal(4, ManifestPendingUrls().Length);
    }

    [Fact]
    public async Task AfterBatch2Of3Failed_NextRun_SendsExactlyTheUrlsOfBatches2And3()
    {
        await RunWithBatch2RefusedAsync();
        var batch1 = PurgeRequests()[0].Urls;
        var before = LastSequence();
        NewLog();

        var result = await RunAsync(Settings() with { BatchSize = 2 });

        var sent = AcceptedByFake(before);
        Assert.Equal(AllUrls.Except(batch1).OrderBy(u => u, StringComparer.Ordinal), sent.OrderBy(u => u, StringComparer.Ordinal));
        Assert.Empty(sent.Intersect(batch1));
        Assert.Null(result.FailureCode);
        Assert.Empty(ManifestPendingUrls());
    }

    [Fact]
    public async Task ContinueOnError_TurnsTheApiFailureIntoAWarning()
    {
        Server.InjectFault(FaultRule.V3Error("LimitExceeded.CdnPurgeUrlExceedDayLimit", "quota used up").ForAction("PurgeUrlsCache"));

        await RunAsync(Settings() with { ContinueOnError = true });

        Assert.Equal("LimitExceeded.CdnPurgeUrlExceedDayLimit", Assert.Single(PurgeRequests()).ApiCode);
        Assert.Empty(Log.Errors);
        Assert.Equal("QCDN3003", Assert.Single(Log.Warnings).Code);
    }

    [Fact]
    public async Task RetriedBatch_WarnsQcdn3101_AndWaitsThroughTheEnvironmentDelay()
    {
        Server.InjectFault(FaultRule.Http500().ForAction("PurgeUrlsCache"));

        await RunAsync();

        Assert.Equal(new[] { 500, 200 }, PurgeRequests().Select(r => r.StatusCode));
        Assert.Equal("QCDN3101", Assert.Single(Log.Warnings).Code);
        Assert.Single(Delays);
        Assert.Empty(Log.Errors);
    }

    [Fact]
    public async Task UnreachableEndpoint_FailsWithQcdn3004NamingTheEndpoint_AndOwesEveryUrl()
    {
        var endpoint = ClosedLoopbackEndpoint();

        var result = await RunAsync(Settings() with { Endpoint = endpoint });

        var error = Assert.Single(Log.Errors);
        Assert.Equal("QCDN3004", error.Code);
        Assert.Contains(endpoint.ToString(), error.Message);
        Assert.Equal("QCDN3004", result.FailureCode);
        Assert.Equal(UrlsOf(InitialFiles), ManifestPendingUrls());
    }

    [Fact]
    public async Task QuotaQueryThatKeepsFailing_LetsThePurgeGoOut_AndSaysSo()
    {
        Server.InjectFault(FaultRule.Http500().ForAction("DescribePurgeQuota").ForNext(5));

        await RunAsync();

        Assert.Equal(new[] { 500, 500 }, Server.Requests.Where(r => r.Action == "DescribePurgeQuota").Select(r => r.StatusCode));
        Assert.Equal(UrlsOf(InitialFiles), AcceptedByFake().OrderBy(u => u, StringComparer.Ordinal));
        Assert.Contains(Log.Summaries, line => line.StartsWith("DescribePurgeQuota failed", StringComparison.Ordinal) && line.Contains("CdnRefreshDailyQuota alone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnreachableEndpoint_WaitsOutOnlyThePurgeRetries()
    {
        var endpoint = ClosedLoopbackEndpoint();

        await RunAsync(Settings() with { Endpoint = endpoint, MaxRetries = 2 });

        Assert.Equal(2, Delays.Count);
        Assert.All(Log.Warnings, warning => Assert.StartsWith("PurgeUrlsCache attempt", warning.Message, StringComparison.Ordinal));
        Assert.Equal(2, Log.Warnings.Count);
    }

    /// <summary>A loopback port that was just free: nothing listens there, so a connection is refused at once.</summary>
    private static Uri ClosedLoopbackEndpoint()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private async Task<RefreshResult> RunWithBatch2RefusedAsync()
    {
        foreach (var file in ExtraFiles)
        {
            WriteSiteFile(file, "content of " + file);
        }

        Server.InjectFault(FaultRule.V3Error("LimitExceeded.CdnPurgeUrlExceedDayLimit", "Daily URL purge quota exceeded.")
            .OnRequest(3).ForAction("PurgeUrlsCache"));
        return await RunAsync(Settings() with { BatchSize = 2 });
    }
}
