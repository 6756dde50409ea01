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

    [Fact]
    public async Task NetworkErrors_AreRetried()
    {
        harness.Handler
            .Throw(new HttpRequestException("Connection refused"))
            .Throw(new IOException("Connection reset"))
            .RespondJson(ClientHarness.V2Success());

        var outcome = await harness.V2().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(3, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task NetworkErrorEveryTime_FailsAsRetryableAfterTheLastAttempt()
    {
        harness.Handler.Throw(new HttpRequestException("Connection refused")).Throw(new HttpRequestException("Connection refused"));

        var outcome = await harness.V2(o => o with { MaxRetries = 1 }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(ApiFailureKind.Retryable, outcome.Failure!.Kind);
        Assert.Contains("Connection refused", outcome.Failure.Message);
        Assert.Null(outcome.Failure.HttpStatus);
    }

    [Fact]
    public async Task Html502Page_FailsWithStatusAndFirstBytes()
    {
        var page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center></body></html>";
        harness.Handler.RespondRepeatedly(2, 502, page, "text/html");

        var outcome = await harness.V3(o => o with { MaxRetries = 1 }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.Equal(ApiFailureKind.UnexpectedResponse, outcome.Failure!.Kind);
        Assert.Equal(502, outcome.Failure.HttpStatus);
        Assert.StartsWith("HTTP 502 answered with a body that is not the expected JSON: \"<html> <head><title>502 Bad Gateway</title></head>", outcome.Failure.Message);
    }

    [Fact]
    public async Task TruncatedJsonWithStatus200_IsRetriedWithTheSameBackoff_ThenFailsWithStatusAndFirstBytes()
    {
        harness.Handler.RespondRepeatedly(3, 200, "{\"code\":0,\"message\":\"\",\"codeDe");

        var outcome = await harness.V2(o => o with { MaxRetries = 2 }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(3, harness.Handler.Requests.Count);
        Assert.Equal(new[] { 100, 200 }, harness.Time.Delays.Select(d => (int)d.TotalMilliseconds));
        Assert.Equal(ApiFailureKind.UnexpectedResponse, outcome.Failure!.Kind);
        Assert.Equal("HTTP 200 answered with a body that is not the expected JSON: \"{\"code\":0,\"message\":\"\",\"codeDe\"", outcome.Failure.Message);
    }

    [Fact]
    public async Task EmptyBodyWithStatus200ThenSuccess_IsAccepted()
    {
        harness.Handler.Respond(200, "").RespondJson(ClientHarness.V3Success());

        var outcome = await harness.V3().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.Equal("HTTP 200 answered with an empty body", harness.Notices.Single().Failure.Message);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"Response\":\"nope\"}")]
    [InlineData("{\"Response\":{}}")]
    [InlineData("{\"Response\":{\"Error\":{\"Message\":\"no code\"},\"RequestId\":\"r\"}}")]
    public async Task V3JsonOfTheWrongShape_IsAnUnexpectedResponse(string body)
    {
        harness.Handler.RespondJson(body);

        var outcome = await harness.V3(o => o with { MaxRetries = 0 }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(ApiFailureKind.UnexpectedResponse, outcome.Failure!.Kind);
        Assert.Contains("HTTP 200", outcome.Failure.Message);
    }

    [Theory]
    [InlineData("{\"message\":\"no code\"}")]
    [InlineData("{\"code\":\"zero\"}")]
    [InlineData("\"just a string\"")]
    public async Task V2JsonOfTheWrongShape_IsAnUnexpectedResponse(string body)
    {
        harness.Handler.RespondJson(body);

        var outcome = await harness.V2(o => o with { MaxRetries = 0 }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(ApiFailureKind.UnexpectedResponse, outcome.Failure!.Kind);
    }

    [Fact]
    public async Task RequestTimeout_IsRetried()
    {
        harness.Handler.Hang().RespondJson(ClientHarness.V3Success());

        var outcome = await harness.V3(o => o with { RequestTimeout = TimeSpan.FromMilliseconds(50) }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.Contains("no complete response within 0.05 s", harness.Notices.Single().Failure.Message);
    }

    [Fact]
    public async Task TimeoutWhileReadingTheBody_IsRetried()
    {
        harness.Handler.HangInBody().RespondJson(ClientHarness.V2Success());

        var outcome = await harness.V2(o => o with { RequestTimeout = TimeSpan.FromMilliseconds(50) }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task CallerCancellation_StopsAtOnceWithoutRetrying()
    {
        using var cancellation = new CancellationTokenSource();
        harness.Handler.Hang(cancellation.Cancel).RespondJson(ClientHarness.V3Success());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.V3().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), cancellation.Token));

        Assert.Single(harness.Handler.Requests);
        Assert.Empty(harness.Notices);
    }

    [Fact]
    public async Task CallerCancellation_DuringTheBackoff_StopsAtOnce()
    {
        harness.Handler.Respond(503, "busy", "text/plain");
        using var cancellation = new CancellationTokenSource();
        var client = harness.V3(o => o with
        {
            Delay = (_, token) =>
            {
                cancellation.Cancel();
                return Task.Delay(Timeout.Infinite, token);
            },
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), cancellation.Token));
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task AlreadyCancelledToken_SendsNothing()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.V2().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), new CancellationToken(canceled: true)));

        Assert.Empty(harness.Handler.Requests);
    }
}
