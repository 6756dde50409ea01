using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ApiOverHttp;

/// <summary>Retryable failures, injected by the fake, followed by a success.</summary>
public class RetryOverHttpTests : OverHttpTestBase
{
    [Theory]
    [InlineData("v3")]
    [InlineData("v2")]
    [InlineData("edgeone")]
    public async Task Http500ThenSuccess_IsRetriedWithANewSignature_AndAcceptedOnce(string api)
    {
        Server.InjectFault(FaultRule.Http500());

        var outcome = await Provider(api).SubmitAsync(RefreshTarget.Urls, Urls(2), CancellationToken.None);

        var requests = Server.Requests.OrderBy(r => r.Sequence).ToList();
        Assert.Equal(new[] { 500, 200 }, requests.Select(r => r.StatusCode));
        Assert.All(requests, r => Assert.True(r.SignatureVerified));
        Assert.NotEqual(Signature(requests[0]), Signature(requests[1]));
        Assert.Equal(2, Server.UrlsAccepted(QuotaOf(api)));
        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public async Task Http429_IsRetriedAfterTheRetryAfterItSends()
    {
        Server.InjectFault(FaultRule.Http429().ForNext(3));

        var outcome = await V3(o => o with { RequestTimeout = TimeSpan.FromMinutes(10) }).SubmitAsync(RefreshTarget.Urls, Urls(1), CancellationToken.None);

        Assert.Equal(new[] { 429, 429, 429, 200 }, Server.Requests.OrderBy(r => r.Sequence).Select(r => r.StatusCode));

        // The fake's 429 says "Retry-After: 1", longer than these tests' backoff of 100, 200 and 400 ms.
        Assert.Equal(new[] { 1.0, 1.0, 1.0 }, Clock.Delays.Select(d => d.TotalSeconds));
        Assert.True(outcome.Succeeded);
    }

    [Theory]
    [InlineData("RequestLimitExceeded")]
    [InlineData("InternalError")]
    public async Task V3_RetryableErrorCodeThenSuccess_IsRetriedAndAccepted(string code)
    {
        Server.InjectFault(FaultRule.V3Error(code, "try again later"));

        var outcome = await V3(o => o with { RequestTimeout = TimeSpan.FromMinutes(10) }).SubmitAsync(RefreshTarget.Urls, Urls(1), CancellationToken.None);

        var requests = Server.Requests.OrderBy(r => r.Sequence).ToList();
        Assert.Equal(new[] { code, null }, requests.Select(r => r.ApiCode));
        Assert.Equal(code, Assert.Single(Notices).Failure.ApiCode);
        Assert.Equal(1, Server.UrlsAccepted("overseas"));
        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public async Task V2_Code6000ThenSuccess_IsRetriedAndAccepted()
    {
        Server.InjectFault(FaultRule.V2Error(6000, "(6000)服务器内部错误", "InternalError"));

        var outcome = await V2().SubmitAsync(RefreshTarget.Urls, Urls(1), CancellationToken.None);

        var requests = Server.Requests.OrderBy(r => r.Sequence).ToList();
        Assert.Equal(new[] { "6000", "0" }, requests.Select(r => r.ApiCode));
        Assert.StartsWith("6000", Assert.Single(Notices).Failure.ApiCode);
        Assert.Equal(1, Server.UrlsAccepted("overseas"));
        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public async Task HangLongerThanTheRequestTimeout_TimesOut_AndIsRetried()
    {
        // The request times out once the fake holds it; the hang's own length only bounds a failing test.
        Server.InjectFault(FaultRule.Hang(TimeSpan.FromSeconds(60)));
        Server.WhenHangStarts(Clock.TimeOutRequests);

        var outcome = await V3(o => o with { RequestTimeout = TimeSpan.FromMinutes(10) }).SubmitAsync(RefreshTarget.Urls, Urls(1), CancellationToken.None);

        var requests = await WaitForRequestsAsync(2);
        Assert.Equal(2, requests.Count);
        Assert.Equal(FaultKind.Hang, requests[0].Fault);
        Assert.Equal(0, requests[0].StatusCode);
        Assert.Equal(200, requests[1].StatusCode);
        Assert.Contains("CdnRefreshTimeout", Assert.Single(Notices).Failure.Message);
        Assert.Equal(1, Server.UrlsAccepted("overseas"));
        Assert.True(outcome.Succeeded);
    }

    /// <summary>The v3 <c>Authorization</c> header or the v2 <c>Signature</c> parameter.</summary>
    private static string Signature(RecordedRequest request) =>
        request.Headers.TryGetValue("Authorization", out var authorization) ? authorization : request.Parameters["Signature"];
}
