namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>The URLs fit today's quota: send them in batches of <see cref="BatchSize"/>.</summary>
internal sealed record SendUrlsDecision : QuotaDecision
{
    /// <summary>The smaller of <c>CdnRefreshBatchSize</c> and the API's per-request limit.</summary>
    public required int BatchSize { get; init; }
}
