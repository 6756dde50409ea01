using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ApiOverHttp;

/// <summary>Answers that are not Tencent's JSON, and no answer at all.</summary>
public class TransportFailureOverHttpTests : OverHttpTestBase
{
    [Fact]
    public async Task Http502HtmlPage_FailureNamesTheStatusAndTheFirstBytes()
    {
        Server.InjectFault(FaultRule.Http502Html());

        var outcome = await V3(o => o with { MaxRetries = 0 }).SubmitAsync(RefreshTarget.Urls, Urls(1), CancellationToken.None);

        Assert.Equal(FaultKind.Http502Html, Assert.Single(Server.Requests).Fault);
        Assert.Equal(ApiFailureKind.UnexpectedResponse, outcome.Failure!.Kind);
        Assert.Equal(502, outcome.Failure.HttpStatus);
        Assert.Contains("HTTP 502", outcome.Failure.Message);
        Assert.Contains("<html>", outcome.Failure.Message);
        Assert.Contains("502 Bad Gateway", outcome.Failure.Message);
    }

    [Fact]
    public async Task Http502HtmlPage_IsRetried_AsAServerFailure()
    {
        Server.InjectFault(FaultRule.Http502Html());

        var outcome = await V3().SubmitAsync(RefreshTarget.Urls, Urls(1), CancellationToken.None);

        Assert.Equal(new[] { 502, 200 }, Server.Requests.OrderBy(r => r.Sequence).Select(r => r.StatusCode));
        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public async Task TruncatedJsonWithStatus200_IsRetried_ThenAccepted()
    {
        Server.InjectFault(FaultRule.TruncatedJson());

        var outcome = await V3().SubmitAsync(RefreshTarget.Urls, Urls(1), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(new FaultKind?[] { FaultKind.TruncatedJson, null }, Server.Requests.OrderBy(r => r.Sequence).Select(r => r.Fault));
        Assert.Equal(1, Server.UrlsAccepted("overseas"));
        var notice = Assert.Single(Notices);
        Assert.Equal(TimeSpan.FromMilliseconds(100), notice.Delay);
        Assert.Contains("HTTP 200", notice.Failure.Message);
        Assert.Contains("{\"Response\":{\"TaskId\":", notice.Failure.Message);
    }

    [Fact]
    public async Task GarbageBodyOnEveryAttempt_IsAnUnexpectedResponse_QuotingTheBody_AfterMaxRetriesPlusOneAttempts()
    {
        Server.InjectFault(FaultRule.GarbageBody().ForNext(10));

        var outcome = await V2(o => o with { MaxRetries = 2 }).SubmitAsync(RefreshTarget.Urls, Urls(1), CancellationToken.None);

        Assert.Equal(3, Server.Requests.Count);
        Assert.Equal(ApiFailureKind.UnexpectedResponse, outcome.Failure!.Kind);
        Assert.Contains("<<this is not JSON>>", outcome.Failure.Message);
        Assert.Equal(new[] { 100, 200 }, Notices.Select(n => (int)n.Delay.TotalMilliseconds));
        Assert.Equal(0, Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task ConnectionRefused_IsRetriedUntilExhausted_AndNamesTheEndpoint()
    {
        var closedPort = ClosedPort();
        var endpoint = new Uri($"http://127.0.0.1:{closedPort}/");

        var outcome = await V3(o => o with { Endpoint = endpoint, MaxRetries = 2 }).SubmitAsync(RefreshTarget.Urls, Urls(1), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(ApiFailureKind.Retryable, outcome.Failure!.Kind);
        Assert.True(outcome.Failure.IsRetryable);
        Assert.Null(outcome.Failure.HttpStatus);
        Assert.Equal(2, Notices.Count);
        Assert.Contains("127.0.0.1:" + closedPort, outcome.Failure.Message);
        Assert.Contains("refused", outcome.Failure.Message, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A port that was just free on 127.0.0.1 and has nothing listening now.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
