namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// Turns refresh logs into one status per submitted entry, the same way for every API: each log (a task, a day) is
/// read once however many batches share it, and the first failure stops the reading.
/// </summary>
internal static class RefreshStatusCollector
{
    /// <summary>
    /// How much Tencent's clock and ours may differ: a log entry stamped this much earlier than its batch may still be
    /// the batch's (an older one is an earlier refresh of the same URL), and a job's tasks are looked for this far
    /// around its submission.
    /// </summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <param name="batches">The accepted batches, in the order their statuses are returned.</param>
    /// <param name="logKey">Names the log a batch is found in (batches with the same key share one read); null when
    /// there is nothing to ask (then its entries are <see cref="RefreshStatus.Unknown"/>).</param>
    /// <param name="readLog">Reads that log, returning every entry in it (not only the batch's) or a failure.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static async Task<RefreshStatusOutcome> CollectAsync(
        IReadOnlyList<BatchOutcome> batches,
        Func<BatchOutcome, string?> logKey,
        Func<BatchOutcome, CancellationToken, Task<RefreshStatusOutcome>> readLog,
        CancellationToken cancellationToken)
    {
        var logs = new Dictionary<string, RefreshStatusOutcome>(StringComparer.Ordinal);
        var statuses = new List<UrlRefreshStatus>();
        ApiFailure? failure = null;
        foreach (var batch in batches)
        {
            IReadOnlyList<UrlRefreshStatus> log = Array.Empty<UrlRefreshStatus>();
            if ((failure is null ? logKey(batch) : null) is { } key)
            {
                if (!logs.TryGetValue(key, out var read))
                {
                    logs[key] = read = await readLog(batch, cancellationToken).ConfigureAwait(false);
                }

                failure = read.Failure;
                log = read.Statuses;
            }

            statuses.AddRange(Match(batch, log));
        }

        return new RefreshStatusOutcome(statuses, failure);
    }

    /// <summary>Each entry of <paramref name="batch"/> with its latest log entry, or <see cref="RefreshStatus.Unknown"/>.</summary>
    private static IEnumerable<UrlRefreshStatus> Match(BatchOutcome batch, IReadOnlyList<UrlRefreshStatus> log)
    {
        var notBefore = batch.SubmittedAt - ClockSkew;
        var latest = new Dictionary<string, UrlRefreshStatus>(StringComparer.Ordinal);
        foreach (var entry in log.Where(e => !(e.LoggedAt < notBefore)))
        {
            // Later in the log wins a tie: Tencent lists a day's refreshes in the order they came.
            if (!latest.TryGetValue(entry.Url, out var seen) || !(entry.LoggedAt < seen.LoggedAt))
            {
                latest[entry.Url] = entry;
            }
        }

        return batch.AcceptedEntries.Select(url =>
            latest.TryGetValue(url, out var entry) ? entry : new UrlRefreshStatus(url, RefreshStatus.Unknown, batch.TaskId));
    }
}
