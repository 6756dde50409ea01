using System.Linq;
using System.Net.Sockets;
using System.Net;
using System;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Signing;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

/// <summary>
/// The fault matrix, through the task: for each fault, the build result, the QCDN code, the manifest afterwards,
/// and that the next run sends exactly what is still owed.
/// </summary>
public sealed class FaultMatrixTests
{
    private const string Purge = "PurgeUrlsCache";

    [Fact]
    public async System.Threading.Tasks.Task Http500ThenSuccess_IsRetried_AndTheBatchIsAcceptedOnce()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.InjectFault(FaultRule.Http500().ForAction(Purge));

        var run = harness.Run();

        Assert.True(run.Succeeded);
        Assert.Equal(new[] { "QCDN3101" }, run.WarningCodes);
        Assert.Equal(2, run.Purges.Count);
        Assert.Equal(6, run.AcceptedPurgeUrls.Count);
        Assert.Empty(harness.Owed());
        harness.AssertNextRunSendsExactly(harness.Owed());
    }

    [Theory]
    [InlineData("http429")]
    [InlineData("RequestLimitExceeded")]
    public async System.Threading.Tasks.Task RateLimited_BacksOffWithGrowingDelays_ThenSucceeds(string fault)
    {
        await using var harness = await TaskHarness.StartAsync();
        var rule = fault == "http429" ? FaultRule.Http429() : FaultRule.V3Error("RequestLimitExceeded", "too many requests");
        harness.Server.InjectFault(rule.ForAction(Purge).ForNext(3));

        var run = harness.Run();

        Assert.True(run.Succeeded);
        Assert.Equal(4, run.Purges.Count);
        var delays = harness.Delays.ToArray();
        Assert.Equal(3, delays.Length);
        Assert.True(delays[2] > delays[0], $"backoff should grow: {string.Join(", ", delays)}");
        Assert.Empty(harness.Owed());
        harness.AssertNextRunSendsExactly(harness.Owed());
    }

    [Fact]
    public async System.Threading.Tasks.Task HangLongerThanTheTimeout_TimesOut_AndIsRetried()
    {
        await using var harness = await TaskHarness.StartAsync();
        // The request times out once the fake holds it; the hang's own length only bounds a failing test.
        harness.Server.InjectFault(FaultRule.Hang(TimeSpan.FromSeconds(30), abort: true).ForAction(Purge));
        harness.Server.WhenHangStarts(harness.TimeOutRequests);

        var run = harness.Run(task => task.Timeout = "600");

        Assert.True(run.Succeeded);
        Assert.Equal(2, run.Purges.Count);
        Assert.Contains(run.Warnings, w => w.Code == "QCDN3101" && w.Message!.Contains("CdnRefreshTimeout"));
        Assert.Empty(harness.Owed());
        harness.AssertNextRunSendsExactly(harness.Owed());
    }

    [Fact]
    public async System.Threading.Tasks.Task ConnectionRefused_IsQcdn3004NamingTheEndpoint_AndEverythingStaysOwed()
    {
        await using var harness = await TaskHarness.StartAsync();
        var closed = ClosedLoopbackEndpoint();

        var run = harness.Run(task => task.Endpoint = closed);

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN3004", error.Code);
        Assert.Contains(closed, error.Message);
        Assert.Equal(6, harness.Owed().Count);
        harness.AssertNextRunSendsExactly(harness.Owed());
    }

    [Fact]
    public async System.Threading.Tasks.Task Html502Page_IsRetried_ThenQcdn3005NamingTheStatus()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.InjectFault(FaultRule.Http502Html().ForAction(Purge).ForNext(4));

        var run = harness.Run();

        Assert.False(run.Succeeded);
        Assert.Equal(4, run.Purges.Count);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN3005", error.Code);
        Assert.Contains("502", error.Message);
        Assert.Contains("<html", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(6, harness.Owed().Count);
        harness.AssertNextRunSendsExactly(harness.Owed());
    }

    /// <summary>The six files the harness lays out, as URLs: what a first run owes when nothing was accepted.</summary>
    internal static IOrderedEnumerable<string> AllSixUrls(TaskHarness harness) =>
        Enumerable.Range(0, 6).Select(i => harness.UrlOf($"f{i}.css")).OrderBy(u => u, StringComparer.Ordinal);

    private static string ClosedLoopbackEndpoint()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/";
    }
}
