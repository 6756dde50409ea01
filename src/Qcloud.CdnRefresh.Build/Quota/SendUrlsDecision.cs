namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>The URLs fit today's quota: send them in batches of <paramref name="BatchSize"/>, the smaller of <c>CdnRefreshBatchSize</c> and the API's per-request limit.</summary>
internal sealed record SendUrlsDecision(string Explanation, int BatchSize) : QuotaDecision(Explanation);
