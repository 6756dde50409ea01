namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>The answer to a status query: one status per entry asked about, or why the query stopped.</summary>
internal sealed record RefreshStatusOutcome
{
    /// <summary>In the order asked; on failure, the entries not learnt yet are <see cref="RefreshStatus.Unknown"/>.</summary>
    public IReadOnlyList<UrlRefreshStatus> Statuses { get; init; } = Array.Empty<UrlRefreshStatus>();

    /// <summary>The failure that stopped the query, after any retries; null when every call succeeded.</summary>
    public ApiFailure? Failure { get; init; }

    /// <summary>The entries Tencent gave up on.</summary>
    public IReadOnlyList<string> FailedUrls => Statuses.Where(s => s.Status == RefreshStatus.Failed).Select(s => s.Url).ToArray();
}
