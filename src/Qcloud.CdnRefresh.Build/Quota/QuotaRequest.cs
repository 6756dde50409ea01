using System.Collections.Generic;
using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>What a run wants to send and the user's quota settings, for <see cref="QuotaBudget"/>.</summary>
internal sealed record QuotaRequest
{
    /// <summary>The planned URLs, distinct, all under <see cref="BaseUrl"/>.</summary>
    public required IReadOnlyList<string> Urls { get; init; }

    public required BaseUrl BaseUrl { get; init; }

    /// <summary><c>overseas</c> or <c>mainland</c> (<c>CdnRefreshArea</c>).</summary>
    public required string Area { get; init; }

    /// <summary><c>CdnRefreshDailyQuota</c>: URL refreshes a day.</summary>
    public required int DailyQuota { get; init; }

    /// <summary><c>CdnRefreshBatchSize</c>: URLs a request.</summary>
    public required int BatchSize { get; init; }

    /// <summary><c>CdnRefreshOverQuota</c>: what a run over the quota does.</summary>
    public required OverQuotaMode OverQuota { get; init; }
}
