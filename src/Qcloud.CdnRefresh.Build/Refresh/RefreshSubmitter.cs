using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Providers;
using Qcloud.CdnRefresh.Build.Quota;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>
/// Submits what the quota decision allows, in batches, through the provider: the URLs themselves, or the directories
/// they were folded into. The result counts in URLs either way.
/// </summary>
internal static class RefreshSubmitter
{
    public static async Task<SubmissionResult> SubmitAsync(
        IRefreshProvider provider, QuotaDecision decision, IReadOnlyList<string> urls, IRefreshLog log, CancellationToken cancellationToken)
    {
        var (target, entries, batchSize) = decision switch
        {
            SendUrlsDecision send => (RefreshTarget.Urls, urls, send.BatchSize),
            SendDirectoriesDecision fold => (RefreshTarget.Directories, LogFolding(fold, log), fold.BatchSize),
            _ => throw new InvalidOperationException("Nothing is submitted for a " + decision.GetType().Name),
        };

        var submission = await new BatchSubmitter((batch, token) => provider.SubmitAsync(target, batch, token), batchSize)
            .SubmitAsync(entries, batch => LogBatch(log, batch), cancellationToken).ConfigureAwait(false);
        if (decision is SendDirectoriesDecision folded)
        {
            var covered = folded.Plan.Directories.ToDictionary(d => d.Url, d => d.CoveredUrls, StringComparer.Ordinal);
            submission = submission with { CoveredUrls = covered };
        }

        provider.RecordAccepted(target, submission.AcceptedCount);
        return submission;
    }

    /// <returns>The directories to send.</returns>
    private static IReadOnlyList<string> LogFolding(SendDirectoriesDecision fold, IRefreshLog log)
    {
        var count = fold.Plan.Directories.Count;
        log.Summary($"Over the URL quota ({fold.Explanation}); CdnRefreshOverQuota=directory refreshes {count} {(count == 1 ? "directory" : "directories")} instead:");
        foreach (var directory in fold.Plan.Directories)
        {
            var urls = directory.CoveredUrls.Count;
            log.Summary($"  {directory.Url} covers {urls} {(urls == 1 ? "URL" : "URLs")}");
        }

        return fold.Plan.DirectoryUrls;
    }

    private static void LogBatch(IRefreshLog log, BatchOutcome batch) =>
        log.Detail($"Batch {batch.Label}: {batch.Urls.Count} entries {batch.Status.ToString().ToLowerInvariant()}{(batch.TaskId is { } id ? ", task " + id : string.Empty)}.");
}
