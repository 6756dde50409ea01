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

/// <summary>Which failures are retried, how many times, and that each retry is signed afresh and announced.</summary>
public class RetryTests
{
    private readonly ClientHarness harness = new();

    [Fact]
    public async Task RetryableFailureThenSuccess_IsAcceptedAfterTwoAttempts()
    {
        harness.Handler.RespondJson(ClientHarness.V3Error("InternalError")).RespondJson(ClientHarness.V3Success());

        var outcome = await harness.V3().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task FinalFailure_IsNotRetried()
    {
        harness.Handler.RespondJson(ClientHarness.V3Error("InvalidParameter"));

        await harness.V3().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Single(harness.Handler.Requests);
        Assert.Empty(harness.Time.Delays);
    }

    [Fact]
    public async Task MaxRetries_BoundsTheAttempts()
    {
        harness.Handler.RespondRepeatedly(3, 503, "busy", "text/plain");

        var outcome = await harness.V3(o => o with { MaxRetries = 2 }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(3, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task ZeroMaxRetries_MakesOneAttempt()
    {
        harness.Handler.Respond(503, "busy", "text/plain");

        await harness.V3(o => o with { MaxRetries = 0 }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task V3Retry_IsSignedAgainWithANewTimestamp()
    {
        harness.Handler.RespondJson(ClientHarness.V3Error("RequestLimitExceeded")).RespondJson(ClientHarness.V3Success());

        await harness.V3().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        var (first, second) = (harness.Handler.Requests[0], harness.Handler.Requests[1]);
        Assert.NotEqual(first.Header("X-TC-Timestamp"), second.Header("X-TC-Timestamp"));
        Assert.NotEqual(first.Header("Authorization"), second.Header("Authorization"));
    }

    [Fact]
    public async Task V2Retry_IsSignedAgainWithANewNonceAndTimestamp()
    {
        harness.Handler.RespondJson(ClientHarness.V2Error(4500, "(4500)重放攻击")).RespondJson(ClientHarness.V2Success());

        var outcome = await harness.V2().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        var (first, second) = (harness.Handler.Requests[0].Form, harness.Handler.Requests[1].Form);
        Assert.True(outcome.Succeeded);
        Assert.NotEqual(first["Nonce"], second["Nonce"]);
        Assert.NotEqual(first["Timestamp"], second["Timestamp"]);
        Assert.NotEqual(first["Signature"], second["Signature"]);
    }

    [Fact]
    public async Task EachRetry_IsAnnouncedWithAttemptDelayAndFailure()
    {
        harness.Handler.RespondJson(ClientHarness.V3Error("InternalError", "boom")).Respond(502, "<html>bad gateway</html>", "text/html").RespondJson(ClientHarness.V3Success());

        await harness.V3().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(new[] { 1, 2 }, harness.Notices.Select(n => n.Attempt));
        Assert.All(harness.Notices, n => Assert.Equal(4, n.MaxAttempts));
        Assert.All(harness.Notices, n => Assert.Equal("PurgeUrlsCache", n.Action));
        Assert.Equal(harness.Time.Delays, harness.Notices.Select(n => n.Delay));
        Assert.Equal("InternalError", harness.Notices[0].Failure.ApiCode);
        Assert.Equal(502, harness.Notices[1].Failure.HttpStatus);
    }
}
