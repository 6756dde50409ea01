using System;
using System.Collections.Generic;
using System.Linq;

using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>The answer to <c>DescribePurgeQuota</c>: the URL and path purge quotas per area, or why there is none.</summary>
internal sealed record PurgeQuotaOutcome
{
    public bool Succeeded => Failure is null;

    public IReadOnlyList<PurgeQuota> UrlPurge { get; init; } = Array.Empty<PurgeQuota>();

    public IReadOnlyList<PurgeQuota> PathPurge { get; init; } = Array.Empty<PurgeQuota>();

    public string? RequestId { get; init; }

    /// <summary>How many HTTP requests were made.</summary>
    public int Attempts { get; init; }

    public ApiFailure? Failure { get; init; }

    /// <summary>The URL purge quota of <paramref name="area"/> (<c>overseas</c> or <c>mainland</c>), when reported.</summary>
    public PurgeQuota? UrlQuotaFor(string area) =>
        UrlPurge.FirstOrDefault(q => string.Equals(q.Area, area, StringComparison.OrdinalIgnoreCase));

    /// <summary>The directory purge quota of <paramref name="area"/> (<c>overseas</c> or <c>mainland</c>), when reported.</summary>
    public PurgeQuota? PathQuotaFor(string area) =>
        PathPurge.FirstOrDefault(q => string.Equals(q.Area, area, StringComparison.OrdinalIgnoreCase));
}
