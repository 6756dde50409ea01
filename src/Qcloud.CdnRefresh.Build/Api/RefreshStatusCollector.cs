using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// Turns refresh logs into one status per submitted entry, the same way for both APIs: each log (a task, a day) is
/// read once however many batches share it, and the first failure stops the reading.
/// </summary>
internal static class RefreshStatusCollector
{
    /// <summary>
    /// How much earlier than the batch a log entry may be stamped and still be the batch's: Tencent's clock and ours
    /// differ a little. An entry older than that is an earlier refresh of the same URL.
    /// </summary>
    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(5);

    /// <remarks><c>logKey</c>: names the log a batch is found in (batches with the same key share one read); null when
    /// there is nothing to ask (then its entries are <see cref="RefreshStatus.Unknown"/>).
    /// <c>readLog</c>: reads that log, returning every entry in it (not only the batch's) or a failure.</remarks>
    public static async Task<RefreshStatusOutcome> CollectAsync(
        IReadOnlyList<SubmittedBatch> batches,
        Func<SubmittedBatch, string?> logKey,
        Func<SubmittedBatch, CancellationToken, Task<RefreshStatusOutcome>> readLog,
        CancellationToken cancellationToken)
    {
        if (batches is null)
        {
            throw new ArgumentNullException(nameof(batches));
        }

        var logs = new Dictionary<string, RefreshStatusOutcome>(StringComparer.Ordinal);
        var statuses = new List<UrlRefreshStatus>();
        var calls = 0;
        ApiFailure? failure = null;
        foreach (var batch in batches)
        {
            IReadOnlyList<UrlRefreshStatus> log = Array.Empty<UrlRefreshStatus>();
            var key = failure is null ? logKey(batch) : null;
            if (key is not null)
            {
                if (!logs.TryGetValue(key, out var read))
                {
                    read = await readLog(batch, cancellationToken).ConfigureAwait(false);
                    logs[key] = read;
                    calls += read.Calls;
                }

                failure = read.Failure;
                log = read.Statuses;
            }

            statuses.AddRange(Match(batch, log));
        }

        return new RefreshStatusOutcome { Statuses = statuses, Calls = calls, Failure = failure };
    }

    /// <summary>Each entry of <paramref name="batch"/> with its latest log entry, or <see cref="RefreshStatus.Unknown"/>.</summary>
    public static IEnumerable<UrlRefreshStatus> Match(SubmittedBatch batch, IReadOnlyList<UrlRefreshStatus> log)
    {
        var notBefore = batch.SubmittedAt - ClockSkewAllowance;
        var latest = new Dictionary<string, UrlRefreshStatus>(StringComparer.Ordinal);
        foreach (var entry in log)
        {
            if (entry.LoggedAt < notBefore)
            {
                continue;
            }

            // Later in the log wins a tie: Tencent lists a day's refreshes in the order they came.
            if (!latest.TryGetValue(entry.Url, out var seen) || !(entry.LoggedAt < seen.LoggedAt))
            {
                latest[entry.Url] = entry;
            }
        }

        return batch.Urls
            .Select(url => latest.TryGetValue(url, out var entry)
                ? entry
                : new UrlRefreshStatus { Url = url, Status = RefreshStatus.Unknown, TaskId = batch.TaskId })
            .ToArray();
    }
}
