using Qcloud.CdnRefresh.Build.Diagnostics;
using static System.FormattableString;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// Splits URLs (or directories) into batches and submits them in order, stopping at the first batch that fails for
/// good: later batches would likely fail the same way (quota, credentials) and the entries they hold stay owed for the
/// next run.
/// </summary>
/// <param name="submitBatch">Sends one batch; never throws but for cancellation, as the providers promise.</param>
/// <param name="batchSize">1 to <see cref="BatchLimits.MaxUrlsPerRequest"/>.</param>
internal sealed class BatchSubmitter(Func<IReadOnlyList<string>, CancellationToken, Task<BatchOutcome>> submitBatch, int batchSize)
{
    private readonly int _batchSize = batchSize is >= 1 and <= BatchLimits.MaxUrlsPerRequest
        ? batchSize
        : throw new ArgumentOutOfRangeException(
            nameof(batchSize), batchSize, Invariant($"The batch size must be 1 to {BatchLimits.MaxUrlsPerRequest}."));

    /// <summary>
    /// Submits every batch in order. Never throws for API failures or cancellation: a cancelled run returns what was
    /// accepted so far with <see cref="SubmissionResult.Cancelled"/> set. <paramref name="onBatchCompleted"/> is told
    /// about each batch that was sent, as soon as its outcome is known.
    /// </summary>
    public async Task<SubmissionResult> SubmitAsync(
        IReadOnlyList<string> urls, Action<BatchOutcome>? onBatchCompleted, CancellationToken cancellationToken)
    {
        var total = (urls.Count + _batchSize - 1) / _batchSize;
        var results = new List<BatchOutcome>(total);
        var stopped = false;
        var cancelled = false;

        for (var index = 0; index < total; index++)
        {
            var slice = urls.Skip(index * _batchSize).Take(_batchSize).ToArray();
            var batch = new BatchOutcome { Number = index + 1, TotalBatches = total, Urls = slice, Status = BatchStatus.NotSent };
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
                outcome = await submitBatch(slice, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancelled = stopped = true;
                results.Add(batch with { Status = BatchStatus.Interrupted });
                continue;
            }
            catch (Exception exception) when (exception is not OperationCanceledException and not CdnRefreshException)
            {
                // Whatever else went wrong, the batches accepted so far must still reach the manifest: stop here as a
                // failed batch. A coded failure (credentials missing, read on the first request) ends the run as its own error.
                outcome = BatchOutcome.Failed(ApiFailure.Unexpected(exception));
            }

            batch = outcome with { Number = batch.Number, TotalBatches = total, Urls = slice };
            stopped = !batch.Succeeded;
            results.Add(batch);
            onBatchCompleted?.Invoke(batch);
        }

        return new SubmissionResult { Batches = results, Cancelled = cancelled };
    }
}
