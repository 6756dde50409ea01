using System.IO;
using System.Linq;
using System.Net.Http.Headers;
using System.Net.Http;
using System.Threading.Tasks;
using System.Threading;
using System;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

/// <summary>How long a retry waits: backoff that doubles up to a cap, jitter, and Retry-After within MaxBackoff.</summary>
public class RetryDelayTests
{
    private readonly ClientHarness harness = new();

    [Fact]
    public async Task BackoffDelays_DoubleAndAreCapped()
    {
        harness.Handler.RespondRepeatedly(6, 500, "", "text/plain");
        var client = harness.V3(o => o with { MaxRetries = 5, InitialBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromMilliseconds(300) });

        await client.SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(new[] { 100, 200, 300, 300, 300 }, harness.Time.Delays.Select(d => (int)d.TotalMilliseconds));
    }

    [Fact]
    public async Task RetryAfterSeconds_LongerThanTheBackoff_IsWaited()
    {
        harness.Handler.RespondRetryAfter(429, new RetryConditionHeaderValue(TimeSpan.FromSeconds(7))).RespondJson(ClientHarness.V3Success());

        var outcome = await harness.V3(o => o with { MaxBackoff = TimeSpan.FromSeconds(30) }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(7), harness.Time.Delays.Single());
    }

    [Fact]
    public async Task RetryAfterDate_IsMeasuredFromTheResponsesOwnDate()
    {
        var serverNow = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        harness.Handler.RespondRetryAfter(503, new RetryConditionHeaderValue(serverNow.AddSeconds(12)), serverNow).RespondJson(ClientHarness.V3Success());

        await harness.V3(o => o with { MaxBackoff = TimeSpan.FromSeconds(30) }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(12), harness.Time.Delays.Single());
    }

    [Fact]
    public async Task RetryAfterDate_WithoutADateHeader_IsMeasuredFromTheClock()
    {
        harness.Handler.RespondRetryAfter(503, new RetryConditionHeaderValue(harness.Time.Now().AddSeconds(9))).RespondJson(ClientHarness.V3Success());

        await harness.V3(o => o with { MaxBackoff = TimeSpan.FromSeconds(30) }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(9), harness.Time.Delays.Single());
    }

    [Fact]
    public async Task RetryAfterDate_InThePast_KeepsTheBackoff()
    {
        harness.Handler.RespondRetryAfter(503, new RetryConditionHeaderValue(harness.Time.Now().AddSeconds(-60))).RespondJson(ClientHarness.V3Success());

        await harness.V3(o => o with { InitialBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromSeconds(30) }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(2), harness.Time.Delays.Single());
    }

    [Fact]
    public async Task RetryAfter_OnAStatusPoll_IsNotWaited_TheWaitKeepsItsOwnSchedule()
    {
        harness.Handler.RespondRetryAfter(429, new RetryConditionHeaderValue(TimeSpan.FromSeconds(20)))
            .RespondJson("{\"Response\":{\"TotalCount\":0,\"PurgeLogs\":[],\"RequestId\":\"r\"}}");

        await harness.V3(o => o with { InitialBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromSeconds(30) })
            .DescribePurgeTasksAsync("task-1", V3Provider.PurgeTypeUrl, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(2), harness.Time.Delays.Single());
    }

    [Fact]
    public async Task RetryAfter_BeyondMaxBackoff_WaitsMaxBackoff()
    {
        harness.Handler.RespondRetryAfter(429, new RetryConditionHeaderValue(TimeSpan.FromMinutes(10))).RespondJson(ClientHarness.V3Success());

        await harness.V3(o => o with { MaxBackoff = TimeSpan.FromSeconds(30) }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(30), harness.Time.Delays.Single());
    }

    [Fact]
    public async Task RetryAfter_ShorterThanTheBackoff_KeepsTheBackoff()
    {
        harness.Handler.RespondRetryAfter(429, new RetryConditionHeaderValue(TimeSpan.FromMilliseconds(10))).RespondJson(ClientHarness.V3Success());

        await harness.V3(o => o with { InitialBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromSeconds(30) }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(2), harness.Time.Delays.Single());
    }

    [Fact]
    public async Task BackoffDelays_IncludeTheJitter()
    {
        harness.Handler.RespondRepeatedly(2, 500, "", "text/plain");

        await harness.V3(o => o with { MaxRetries = 1, Jitter = () => 0.5 }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(125), harness.Time.Delays.Single());
    }
}
