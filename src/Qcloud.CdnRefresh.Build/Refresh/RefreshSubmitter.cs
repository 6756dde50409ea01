using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Providers;
using Qcloud.CdnRefresh.Build.Quota;
using Qcloud.CdnRefresh.Build.Reporting;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>
/// Submits what the quota decision allows, in batches, through the provider: the URLs themselves, or the directories
/// they were folded into. The result counts in URLs either way.
/// </summary>
internal static class RefreshSubmitter
{
    public static async Task<SendResult> SubmitAsync(IRefreshProvider provider, QuotaDecision decision, IReadOnlyList<string> urls, IRefreshLog log, CancellationToken cancellationToken)
    {
        var sent = decision switch
        {
            SendUrlsDecision send => await SendUrlsAsync(provider, urls, send.BatchSize, log, cancellationToken).ConfigureAwait(false),
            SendDirectoriesDecision fold => await SendDirectoriesAsync(provider, fold, log, cancellationToken).ConfigureAwait(false),
            _ => throw new InvalidOperationException("Nothing is submitted for a " + decision.GetType().Name),
        };

        provider.RecordAccepted(sent.Target, sent.Submission.AcceptedCount);
        return sent;
    }

    private static async Task<SendResult> SendUrlsAsync(IRefreshProvider provider, IReadOnlyList<string> urls, int batchSize, IRefreshLog log, CancellationToken cancellationToken)
    {
        var submission = await new BatchSubmitter((batch, token) => provider.SubmitAsync(RefreshTarget.Urls, batch, token), batchSize)
            .SubmitAsync(urls, batch => LogBatch(log, batch), cancellationToken).ConfigureAwait(false);
        return new SendResult
        {
            Submission = submission,
            Target = RefreshTarget.Urls,
            Action = provider.UrlAction,
            Accepted = submission.AcceptedBatches.SelectMany(b => b.AcceptedEntries.Select(url => new RefreshedUrl(url, b.Number, b.Outcome?.TaskId))).ToList(),
            NotAccepted = submission.NotAcceptedUrls,
        };
    }

    private static async Task<SendResult> SendDirectoriesAsync(IRefreshProvider provider, SendDirectoriesDecision fold, IRefreshLog log, CancellationToken cancellationToken)
    {
        var count = fold.Plan.Directories.Count;
        log.Summary($"Over the URL quota ({fold.Explanation}); CdnRefreshOverQuota=directory refreshes {count} {(count == 1 ? "directory" : "directories")} instead:");
        foreach (var directory in fold.Plan.Directories)
        {
            var urls = directory.CoveredUrls.Count;
            log.Summary($"  {directory.Url} covers {urls} {(urls == 1 ? "URL" : "URLs")}");
        }

        var submission = await new BatchSubmitter((batch, token) => provider.SubmitAsync(RefreshTarget.Directories, batch, token), fold.BatchSize)
            .SubmitAsync(fold.Plan.DirectoryUrls, batch => LogBatch(log, batch), cancellationToken).ConfigureAwait(false);
        var covered = fold.Plan.Directories.ToDictionary(d => d.Url, d => d.CoveredUrls, StringComparer.Ordinal);
        return new SendResult
        {
            Submission = submission,
            Target = RefreshTarget.Directories,
            Directories = fold.Plan,
            Action = provider.DirectoryAction,
            Accepted = submission.AcceptedBatches
                .SelectMany(b => b.AcceptedEntries.SelectMany(directory => covered[directory].Select(url => new RefreshedUrl(url, b.Number, b.Outcome?.TaskId, directory))))
                .ToList(),
            NotAccepted = submission.NotAcceptedUrls.SelectMany(directory => covered[directory]).ToList(),
        };
    }

    private static void LogBatch(IRefreshLog log, BatchResult batch) =>
        log.Detail($"Batch {batch.Label}: {batch.Urls.Count} entries {batch.Status.ToString().ToLowerInvariant()}{(batch.Outcome?.TaskId is { } id ? ", task " + id : string.Empty)}.");
}
