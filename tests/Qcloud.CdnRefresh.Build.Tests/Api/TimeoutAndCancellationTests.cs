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

/// <summary>
/// A request's own timeout is retried; the caller's cancellation stops at once and is never retried. Timeouts pass on
/// the fake clock's event, once the scripted transport holds the request, so no test waits for real time.
/// </summary>
public class TimeoutAndCancellationTests
{
    private readonly ClientHarness harness = new();

    [Fact]
    public async Task RequestTimeout_IsRetried()
    {
        harness.Handler.Hang(harness.Time.TimeOutRequests).RespondJson(ClientHarness.V3Success());

        var outcome = await harness.V3(o => o with { RequestTimeout = TimeSpan.FromMinutes(10) }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.Contains("no complete response within 600 s", harness.Notices.Single().Failure.Message);
    }

    [Fact]
    public async Task TimeoutWhileReadingTheBody_IsRetried()
    {
        harness.Handler.HangInBody(harness.Time.TimeOutRequests).RespondJson(ClientHarness.V2Success());

        var outcome = await harness.V2(o => o with { RequestTimeout = TimeSpan.FromMinutes(10) }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.Contains("no complete response within 600 s", harness.Notices.Single().Failure.Message);
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
