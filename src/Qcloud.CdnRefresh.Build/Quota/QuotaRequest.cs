using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>What a run wants to send and the user's quota settings, for <see cref="QuotaDecision.Decide"/>.</summary>
/// <param name="Urls">The planned URLs, distinct, each under one of <paramref name="BaseUrls"/>.</param>
/// <param name="BaseUrls">This run's base URLs: no directory refresh reaches above them.</param>
/// <param name="Area"><c>overseas</c> or <c>mainland</c> (<c>CdnRefreshArea</c>).</param>
/// <param name="DailyQuota"><c>CdnRefreshDailyQuota</c>: URL refreshes a day.</param>
/// <param name="BatchSize"><c>CdnRefreshBatchSize</c>: URLs a request.</param>
/// <param name="OverQuota"><c>CdnRefreshOverQuota</c>: what a run over the quota does.</param>
internal sealed record QuotaRequest(
    IReadOnlyList<string> Urls, IReadOnlyList<BaseUrl> BaseUrls, string Area, int DailyQuota, int BatchSize, OverQuotaMode OverQuota);
