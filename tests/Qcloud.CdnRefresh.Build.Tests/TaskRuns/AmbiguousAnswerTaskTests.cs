using System;
using System.Linq;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.MSBuild;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

/// <summary>
/// Answers that leave open whether the purge was carried out (a body that is not the API's JSON) or that say the
/// domain is busy, through the task: retried with backoff, and each URL accepted once.
/// </summary>
public sealed class AmbiguousAnswerTaskTests
{
    private const string Purge = "PurgeUrlsCache";

    [Theory]
    [InlineData("v3", "truncated")]
    [InlineData("v3", "garbage")]
    [InlineData("v2", "garbage")]
    [InlineData("edgeone", "garbage")]
    public async Task NonJsonBodyWithStatus200ThenSuccess_IsRetried_AndEveryUrlIsAcceptedOnce(string api, string body)
    {
        await using var harness = await TaskHarness.StartAsync();
        var fault = body == "truncated" ? FaultRule.TruncatedJson() : FaultRule.GarbageBody();
        harness.Server.InjectFault(fault.ForAction(api switch { "v2" => "RefreshCdnOverSeaUrl", "edgeone" => "CreatePurgeTask", _ => Purge }));

        var run = harness.Run(task => UseApi(task, harness, api));

        Assert.True(run.Succeeded, run.AllText);
        Assert.Equal(new[] { "QCDN3101" }, run.WarningCodes);
        Assert.Equal(2, run.Purges.Count);
        Assert.Equal(200, run.Purges[0].StatusCode);
        Assert.NotNull(run.Purges[0].Fault);
        Assert.True(run.Purges[1].SignatureVerified);
        Assert.Single(harness.Delays);
        Assert.Equal(AllSixUrls(harness), run.AcceptedPurgeUrls.OrderBy(u => u, StringComparer.Ordinal));
        Assert.Equal(6, harness.Server.UrlsAccepted(api == "edgeone" ? FakeTencentApiOptions.DefaultZoneId : "overseas"));
        Assert.Empty(harness.LoadManifest()!.PendingUrls);
    }

    [Theory]
    [InlineData("LimitExceeded.CdnHostOpTooOften", "domain operated too often")]
    [InlineData("ResourceInUse.CdnOpInProgress", "an operation on the domain is in progress")]
    public async Task BusyDomainThenSuccess_IsRetried_AndEveryUrlIsAcceptedOnce(string code, string message)
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.InjectFault(FaultRule.V3Error(code, message).ForAction(Purge));

        var run = harness.Run();

        Assert.True(run.Succeeded, run.AllText);
        var warning = Assert.Single(run.Warnings);
        Assert.Equal("QCDN3101", warning.Code);
        Assert.Contains(code, warning.Message);
        Assert.Equal(2, run.Purges.Count);
        Assert.Equal(code, run.Purges[0].ApiCode);
        Assert.Single(harness.Delays);
        Assert.Equal(AllSixUrls(harness), run.AcceptedPurgeUrls.OrderBy(u => u, StringComparer.Ordinal));
        Assert.Equal(6, harness.Server.UrlsAccepted("overseas"));
        Assert.Empty(harness.LoadManifest()!.PendingUrls);
    }

    [Fact]
    public async Task NonJsonBodyOnEveryAttempt_IsQcdn3005AfterMaxRetriesPlusOneAttempts_NotAJsonException()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.InjectFault(FaultRule.TruncatedJson().ForAction(Purge).ForNext(3));

        var run = harness.Run(task => task.MaxRetries = "2");

        Assert.False(run.Succeeded);
        Assert.Equal(3, run.Purges.Count);
        Assert.All(run.Purges, p => Assert.Equal(FaultKind.TruncatedJson, p.Fault));
        Assert.Equal(new[] { "QCDN3101", "QCDN3101" }, run.WarningCodes);
        var delays = harness.Delays.ToArray();
        Assert.Equal(2, delays.Length);
        Assert.True(delays[1] > delays[0], $"backoff should grow: {string.Join(", ", delays)}");
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN3005", error.Code);
        Assert.Contains("HTTP 200", error.Message);
        Assert.Contains("{\"Response\":{\"TaskId\":", error.Message);
        Assert.DoesNotContain("JsonException", run.AllText);
        Assert.Equal(0, harness.Server.UrlsAccepted("overseas"));
        Assert.Equal(AllSixUrls(harness), harness.Owed().OrderBy(u => u, StringComparer.Ordinal));
        harness.AssertNextRunSendsExactly(harness.Owed());
    }

    /// <summary>The six files the harness lays out, as URLs.</summary>
    private static IOrderedEnumerable<string> AllSixUrls(TaskHarness harness) =>
        Enumerable.Range(0, 6).Select(i => harness.UrlOf($"f{i}.css")).OrderBy(u => u, StringComparer.Ordinal);

    private static void UseApi(RefreshCdnOversea task, TaskHarness harness, string api)
    {
        if (api == "v2")
        {
            task.Api = "v2";
            task.Endpoint = harness.Server.V2Endpoint.ToString();
        }
        else if (api == "edgeone")
        {
            EdgeOneTaskTests.EdgeOne(task, harness);
        }
    }
}
