namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>The answer to a status query: one status per entry asked about, or why the query stopped.</summary>
/// <param name="Statuses">In the order asked; on failure, the entries not learnt yet are <see cref="RefreshStatus.Unknown"/>.</param>
/// <param name="Failure">The failure that stopped the query, after any retries; null when every call succeeded.</param>
internal sealed record RefreshStatusOutcome(IReadOnlyList<UrlRefreshStatus> Statuses, ApiFailure? Failure = null)
{
    /// <summary>The entries Tencent gave up on.</summary>
    public IReadOnlyList<string> FailedUrls => Statuses.Where(s => s.Status == RefreshStatus.Failed).Select(s => s.Url).ToArray();
}
