using Qcloud.CdnRefresh.Build.Diagnostics;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>What <see cref="QuotaBudget"/> decided: send the URLs, send directories instead, or send nothing.</summary>
/// <param name="Explanation">One log line with the numbers behind the decision.</param>
/// <param name="BatchSize">Entries a request: for URLs the smaller of <c>CdnRefreshBatchSize</c> and the API's per-request limit.</param>
/// <param name="Plan">The URLs do not fit and <c>CdnRefreshOverQuota=directory</c>: the directories to refresh instead
/// (v3 <c>PurgePathCache</c> with <c>FlushType=flush</c>, v2 <c>RefreshCdnOverSeaDir</c>).</param>
/// <param name="Refusal">Nothing fits today: the error a real run throws, with the numbers and the knobs to change (a dry run
/// logs it as a warning).</param>
internal sealed record QuotaDecision(string Explanation, int BatchSize, DirectoryPlan? Plan = null, CdnRefreshException? Refusal = null);
