using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>What a run wants to send and the user's quota settings, for <see cref="QuotaBudget"/>.</summary>
internal sealed record QuotaRequest
{
    /// <summary>The planned URLs, distinct, each under one of <see cref="BaseUrls"/>.</summary>
    public required IReadOnlyList<string> Urls { get; init; }

    /// <summary>This run's base URLs: no directory refresh reaches above them.</summary>
    public required IReadOnlyList<BaseUrl> BaseUrls { get; init; }

    /// <summary><c>overseas</c> or <c>mainland</c> (<c>CdnRefreshArea</c>).</summary>
    public required string Area { get; init; }

    /// <summary><c>CdnRefreshDailyQuota</c>: URL refreshes a day.</summary>
    public required int DailyQuota { get; init; }

    /// <summary><c>CdnRefreshBatchSize</c>: URLs a request.</summary>
    public required int BatchSize { get; init; }

    /// <summary><c>CdnRefreshOverQuota</c>: what a run over the quota does.</summary>
    public required OverQuotaMode OverQuota { get; init; }
}
