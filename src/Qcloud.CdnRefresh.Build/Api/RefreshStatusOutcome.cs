using System;
using System.Collections.Generic;
using System.Linq;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>The answer to a status query: one status per URL asked about, or why the query stopped.</summary>
internal sealed record RefreshStatusOutcome
{
    public bool Succeeded => Failure is null;

    /// <summary>In the order asked; on failure, the entries not learnt yet are <see cref="RefreshStatus.Unknown"/>.</summary>
    public IReadOnlyList<UrlRefreshStatus> Statuses { get; init; } = Array.Empty<UrlRefreshStatus>();

    /// <summary>How many API calls the query made (pages and days included), not counting retries.</summary>
    public int Calls { get; init; }

    /// <summary>The failure that stopped the query, after any retries; null when every call succeeded.</summary>
    public ApiFailure? Failure { get; init; }

    /// <summary>Every entry is done: there is nothing left to wait for.</summary>
    public bool AllDone => Succeeded && Statuses.All(s => s.Status == RefreshStatus.Done);

    /// <summary>The entries Tencent gave up on.</summary>
    public IReadOnlyList<string> FailedUrls => Statuses.Where(s => s.Status == RefreshStatus.Failed).Select(s => s.Url).ToArray();

    /// <summary>The status of <paramref name="url"/>; <see cref="RefreshStatus.Unknown"/> when it was not asked about.</summary>
    public RefreshStatus StatusOf(string url) =>
        Statuses.FirstOrDefault(s => string.Equals(s.Url, url, StringComparison.Ordinal))?.Status ?? RefreshStatus.Unknown;
}
