using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// Splits URLs (or directories) into batches and submits them in order, stopping at the first batch that fails for
/// good: later batches would likely fail the same way (quota, credentials) and the entries they hold stay owed for the
/// next run.
/// </summary>
internal sealed class BatchSubmitter
{
    private readonly Func<IReadOnlyList<string>, CancellationToken, Task<BatchOutcome>> _submitBatch;
    private readonly int _batchSize;

    /// <remarks><c>submitBatch</c>: sends one batch; never throws but for cancellation, as the providers promise.</remarks>
    public BatchSubmitter(Func<IReadOnlyList<string>, CancellationToken, Task<BatchOutcome>> submitBatch, int batchSize)
    {
        _submitBatch = submitBatch ?? throw new ArgumentNullException(nameof(submitBatch));
        _batchSize = CheckBatchSize(batchSize);
    }

    /// <summary>Consecutive slices of at most <paramref name="batchSize"/> URLs, in the order given.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Split(IReadOnlyList<string> urls, int batchSize)
    {
        CheckBatchSize(batchSize);
        var batches = new List<IReadOnlyList<string>>((urls.Count + batchSize - 1) / batchSize);
        for (var start = 0; start < urls.Count; start += batchSize)
        {
            batches.Add(urls.Skip(start).Take(batchSize).ToArray());
        }

        return batches;
    }

    /// <summary>
    /// Submits every batch in order. Never throws for API failures or cancellation: a cancelled run returns what was
    /// accepted so far with <see cref="SubmissionResult.Cancelled"/> set. <paramref name="onBatchCompleted"/> is told
    /// about each batch that was sent, as soon as its outcome is known.
    /// </summary>
    public async Task<SubmissionResult> SubmitAsync(
        IReadOnlyList<string> urls,
        Action<BatchResult>? onBatchCompleted,
        CancellationToken cancellationToken)
    {
        var slices = Split(urls ?? throw new ArgumentNullException(nameof(urls)), _batchSize);
        var results = new List<BatchResult>(slices.Count);
        var stopped = false;
        var cancelled = false;

        for (var index = 0; index < slices.Count; index++)
        {
            var batch = new BatchResult { Index = index, TotalBatches = slices.Count, Urls = slices[index], Status = BatchStatus.NotSent };
            if (stopped || cancellationToken.IsCancellationRequested)
            {
                cancelled |= !stopped;
                stopped = true;
                results.Add(batch);
                continue;
            }

            BatchOutcome outcome;
            try
            {
                outcome = await _submitBatch(slices[index], cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancelled = stopped = true;
                results.Add(batch with { Status = BatchStatus.Interrupted });
                continue;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Whatever went wrong, the batches accepted so far must still reach the manifest: stop here as a failed batch.
                outcome = BatchOutcome.Failed(ApiErrorClassifier.Unexpected(exception), attempts: 1);
            }

            batch = batch with { Status = outcome.Succeeded ? BatchStatus.Accepted : BatchStatus.Failed, Outcome = outcome };
            stopped = !outcome.Succeeded;
            results.Add(batch);
            onBatchCompleted?.Invoke(batch);
        }

        return new SubmissionResult
        {
            Batches = results,
            AcceptedUrls = results.Where(b => b.Status == BatchStatus.Accepted).SelectMany(b => b.Urls).ToArray(),
            NotAcceptedUrls = results.Where(b => b.Status != BatchStatus.Accepted).SelectMany(b => b.Urls).ToArray(),
            Cancelled = cancelled,
        };
    }

    private static int CheckBatchSize(int batchSize)
    {
        if (batchSize < 1 || batchSize > BatchLimits.MaxUrlsPerRequest)
        {
            throw new ArgumentOutOfRangeException(
                nameof(batchSize),
                batchSize,
                "The batch size must be 1 to " + BatchLimits.MaxUrlsPerRequest.ToString(CultureInfo.InvariantCulture) + ".");
        }

        return batchSize;
    }
}
