using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ApiOverHttp;

/// <summary>The caller cancels (Ctrl+C, a build timeout) while the fake holds a request.</summary>
public class CancellationOverHttpTests : OverHttpTestBase
{
    [Fact]
    public async Task CancelDuringAHang_ThrowsOperationCanceledPromptly_WithoutRetrying()
    {
        Server.InjectFault(FaultRule.Hang(TimeSpan.FromSeconds(30)));
        using var cancellation = new CancellationTokenSource();
        var client = V3(o => o with { RequestTimeout = TimeSpan.FromSeconds(20) });
        var submitting = client.SubmitAsync(RefreshTarget.Urls, Urls(1), cancellation.Token);

        // Cancel once the request is being held, whatever the machine's load made of the first connection.
        await Server.WaitForHangsAsync();
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => submitting);

        // Had the cancel not ended the request, its timeout would have: a retry notice.
        Assert.Empty(Notices);
        var request = Assert.Single(await WaitForRequestsAsync(1));
        Assert.Equal(FaultKind.Hang, request.Fault);
        Assert.Equal(0, Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task CancelDuringBatch2_ReportsItInterrupted_KeepsBatch1Accepted_AndDoesNotSendBatch3()
    {
        var urls = Urls(6);
        Server.InjectFault(FaultRule.Hang(TimeSpan.FromSeconds(30)).OnRequest(2));
        using var cancellation = new CancellationTokenSource();
        var provider = V3(o => o with { RequestTimeout = TimeSpan.FromSeconds(20) });
        var submitter = new BatchSubmitter((batch, token) => provider.SubmitAsync(RefreshTarget.Urls, batch, token), 2);

        var result = await submitter.SubmitAsync(
            urls,
            batch =>
            {
                if (batch.Number == 1)
                {
                    // Cancel once batch 2 is on the wire, where the fake holds it.
                    _ = Task.Run(async () =>
                    {
                        await Server.WaitForHangsAsync();
                        cancellation.Cancel();
                    });
                }
            },
            cancellation.Token);

        // Had the cancel not ended batch 2, its timeout would have, and its retry would have been accepted.
        Assert.True(result.Cancelled);
        Assert.Equal(new[] { BatchStatus.Accepted, BatchStatus.Interrupted, BatchStatus.NotSent }, result.Batches.Select(b => b.Status));
        Assert.Equal(urls.Take(2), result.AcceptedUrls);
        Assert.Equal(urls.Skip(2), result.NotAcceptedUrls);
        var requests = await WaitForRequestsAsync(2);
        Assert.Equal(2, requests.Count);
        Assert.Equal(urls.Take(2), requests[0].Urls);
        Assert.Equal(200, requests[0].StatusCode);
        Assert.Equal(urls.Skip(2).Take(2), requests[1].Urls);
        Assert.Equal(FaultKind.Hang, requests[1].Fault);
        Assert.Equal(2, Server.UrlsAccepted("overseas"));
    }
}
