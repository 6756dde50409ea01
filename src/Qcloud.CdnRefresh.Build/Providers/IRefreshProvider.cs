using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Quota;

namespace Qcloud.CdnRefresh.Build.Providers;

/// <summary>
/// One flavour of Tencent's refresh API: it owns its actions, batch limits, quota source, directory refresh, status
/// query and error classification, so that nothing outside it asks which flavour is running. Credentials are read on
/// the first request, so a dry run needs none.
/// </summary>
internal interface IRefreshProvider : IDisposable
{
    /// <summary>The action URL batches go out as (<c>PurgeUrlsCache</c>, <c>RefreshCdnOverSeaUrl</c>, …).</summary>
    string UrlAction { get; }

    /// <summary>The action directory batches go out as (<c>PurgePathCache</c>, <c>RefreshCdnOverSeaDir</c>, …).</summary>
    string DirectoryAction { get; }

    Uri Endpoint { get; }

    /// <summary>
    /// Today's URL and directory allowances from the provider's quota source (a remote query or a local count).
    /// <paramref name="offline"/>: only what is known without credentials or a request. Never throws for an API failure:
    /// what cannot be asked falls back to <c>CdnRefreshDailyQuota</c>, and the API has the last word.
    /// </summary>
    Task<TodaysQuota> ReadQuotaAsync(QuotaRequest request, bool offline, CancellationToken cancellationToken);

    /// <summary>
    /// Sends one batch of URLs or directories, retrying retryable failures with backoff and a fresh signature each
    /// time. Never throws for an API, HTTP or network failure: those come back as a failed <see cref="BatchOutcome"/>.
    /// Throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<BatchOutcome> SubmitAsync(RefreshTarget target, IReadOnlyList<string> entries, CancellationToken cancellationToken);

    /// <summary>
    /// One status per entry of <paramref name="batches"/>, in their order; an entry the API does not report is
    /// <see cref="RefreshStatus.Unknown"/>. Never throws for an API failure: the outcome then carries it.
    /// </summary>
    Task<RefreshStatusOutcome> GetStatusAsync(IReadOnlyList<BatchOutcome> batches, CancellationToken cancellationToken);

    /// <summary>Counts what the API accepted, for a provider whose quota source is its own count; others ignore it.</summary>
    void RecordAccepted(RefreshTarget target, int count);
}
