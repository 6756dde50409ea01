using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

public class BatchSubmitterTests
{
    private static readonly ApiFailure QuotaFailure = new()
    {
        Kind = ApiFailureKind.Quota,
        ApiCode = "LimitExceeded.CdnPurgeUrlExceedDayLimit",
        Message = "daily limit",
    };

    private readonly FakeRefreshClient client = new();

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public void BatchSizeOutsideOneTo1000_IsRejected(int batchSize)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchSubmitter(client.SubmitAsync, batchSize));
    }

    [Fact]
    public async Task AllBatchesAccepted_2500Urls_Go1000And1000And500InOrder_AndAreAllAccepted()
    {
        var urls = ClientHarness.Urls(2500);

        var result = await new BatchSubmitter(client.SubmitAsync, 1000).SubmitAsync(urls, null, CancellationToken.None);

        Assert.Equal(new[] { BatchStatus.Accepted, BatchStatus.Accepted, BatchStatus.Accepted }, result.Batches.Select(b => b.Status).ToArray());
        Assert.Equal(new[] { 1000, 1000, 500 }, client.Submitted.Select(b => b.Count));
        Assert.Equal(urls, client.Submitted.SelectMany(b => b));
        Assert.Equal(urls, result.AcceptedUrls);
        Assert.Empty(result.NotAcceptedUrls);
        Assert.Null(result.FailedBatch);
    }

    [Fact]
    public async Task RejectedEntriesOfAnAcceptedBatch_AreOwed_AndTheNextBatchIsStillSent()
    {
        var urls = ClientHarness.Urls(4);
        client.Then(BatchOutcome.Accepted("j1") with { Rejected = new[] { new RejectedEntry("https://www.example.com/1.jpg", "bad target") } })
            .Then(BatchOutcome.Accepted("j2"));

        var result = await new BatchSubmitter(client.SubmitAsync, 2).SubmitAsync(urls, null, CancellationToken.None);

        Assert.Equal(2, client.Submitted.Count);
        Assert.Equal(new[] { "https://www.example.com/0.jpg", "https://www.example.com/2.jpg", "https://www.example.com/3.jpg" }, result.AcceptedUrls);
        Assert.Equal(new[] { "https://www.example.com/1.jpg" }, result.NotAcceptedUrls);
        Assert.Equal(3, result.AcceptedCount);
        Assert.Equal(new[] { new RejectedEntry("https://www.example.com/1.jpg", "bad target") }, result.Rejected);
        Assert.Null(result.FailedBatch);
    }

    [Fact]
    public async Task ARejectedEntryNamedDecoded_IsTheEntrySentEncoded()
    {
        var urls = new[] { "https://www.example.com/a%20b.css", "https://www.example.com/c.css" };
        client.Then(BatchOutcome.Accepted("j1") with { Rejected = new[] { new RejectedEntry("https://www.example.com/a b.css", "bad target") } });

        var result = await new BatchSubmitter(client.SubmitAsync, 2).SubmitAsync(urls, null, CancellationToken.None);

        Assert.Equal(new[] { "https://www.example.com/c.css" }, result.AcceptedUrls);
        Assert.Equal(new[] { "https://www.example.com/a%20b.css" }, result.NotAcceptedUrls);
    }

    [Fact]
    public async Task FinalFailureInBatch2Of3_KeepsBatch1AndLeavesBatch3Unsent()
    {
        var urls = ClientHarness.Urls(2500);
        client.Then(BatchOutcome.Accepted("t1")).Then(BatchOutcome.Failed(QuotaFailure));

        var result = await new BatchSubmitter(client.SubmitAsync, 1000).SubmitAsync(urls, null, CancellationToken.None);

        Assert.Equal(new[] { BatchStatus.Accepted, BatchStatus.Failed, BatchStatus.NotSent }, result.Batches.Select(b => b.Status).ToArray());
        Assert.Equal(2, client.Submitted.Count);
        Assert.Equal("2 of 3", result.FailedBatch!.Label);
        Assert.Same(QuotaFailure, result.Failure);
        Assert.Equal(1000, result.AcceptedCount);
        Assert.Equal(urls.Take(1000), result.AcceptedUrls);
        Assert.Equal(urls.Skip(1000), result.NotAcceptedUrls);
        Assert.Null(result.Batches[2].Failure);
        Assert.Null(result.Batches[2].TaskId);
        Assert.False(result.Cancelled);
    }

    [Fact]
    public async Task ProgressCallback_IsToldAboutEachSentBatch()
    {
        client.Then(BatchOutcome.Accepted("t1")).Then(BatchOutcome.Failed(QuotaFailure));
        var seen = new List<BatchOutcome>();

        await new BatchSubmitter(client.SubmitAsync, 2).SubmitAsync(ClientHarness.Urls(6), seen.Add, CancellationToken.None);

        Assert.Equal(new[] { "1 of 3", "2 of 3" }, seen.Select(b => b.Label));
        Assert.Equal("t1", seen[0].TaskId);
    }

    [Fact]
    public async Task CancelledBetweenBatches_ReturnsTheAcceptedBatchesAndSendsNoMore()
    {
        using var cancellation = new CancellationTokenSource();

        var result = await new BatchSubmitter(client.SubmitAsync, 2).SubmitAsync(ClientHarness.Urls(6), _ => cancellation.Cancel(), cancellation.Token);

        Assert.True(result.Cancelled);
        Assert.Single(client.Submitted);
        Assert.Equal(new[] { BatchStatus.Accepted, BatchStatus.NotSent, BatchStatus.NotSent }, result.Batches.Select(b => b.Status).ToArray());
        Assert.Equal(ClientHarness.Urls(2), result.AcceptedUrls);
        Assert.Equal(4, result.NotAcceptedUrls.Count);
        Assert.Null(result.FailedBatch);
    }

    [Fact]
    public async Task CancelledDuringABatch_MarksItInterruptedAndOwed()
    {
        using var cancellation = new CancellationTokenSource();
        client.Then(BatchOutcome.Accepted("t1")).Then((_, token) =>
        {
            cancellation.Cancel();
            return Task.FromCanceled<BatchOutcome>(token);
        });

        var result = await new BatchSubmitter(client.SubmitAsync, 2).SubmitAsync(ClientHarness.Urls(6), null, cancellation.Token);

        Assert.True(result.Cancelled);
        Assert.Equal(new[] { BatchStatus.Accepted, BatchStatus.Interrupted, BatchStatus.NotSent }, result.Batches.Select(b => b.Status).ToArray());
        Assert.Equal(ClientHarness.Urls(2), result.AcceptedUrls);
        Assert.Equal(ClientHarness.Urls(6).Skip(2), result.NotAcceptedUrls);
    }

    [Fact]
    public async Task NoUrls_SucceedsWithoutSending()
    {
        var result = await new BatchSubmitter(client.SubmitAsync, 1000).SubmitAsync(Array.Empty<string>(), null, CancellationToken.None);

        Assert.Empty(result.Batches);
        Assert.Empty(client.Submitted);
    }
}
