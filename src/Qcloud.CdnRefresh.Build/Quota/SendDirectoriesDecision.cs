namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>
/// The URLs do not fit and <c>CdnRefreshOverQuota=directory</c>: refresh <paramref name="Plan"/>'s directories instead
/// (v3 <c>PurgePathCache</c> with <c>FlushType=flush</c>, v2 <c>RefreshCdnOverSeaDir</c>), <paramref name="BatchSize"/> a request.
/// </summary>
internal sealed record SendDirectoriesDecision(string Explanation, DirectoryPlan Plan, int BatchSize) : QuotaDecision(Explanation);
