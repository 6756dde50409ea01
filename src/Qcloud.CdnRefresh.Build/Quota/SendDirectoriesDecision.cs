namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>
/// The URLs do not fit and <c>CdnRefreshOverQuota=directory</c>: refresh <see cref="Plan"/>'s directories instead
/// (v3 <c>PurgePathCache</c> with <c>FlushType=flush</c>, v2 <c>RefreshCdnOverSeaDir</c>), <see cref="BatchSize"/> a request.
/// </summary>
internal sealed record SendDirectoriesDecision : QuotaDecision
{
    public required DirectoryPlan Plan { get; init; }

    /// <summary>Directories a request.</summary>
    public required int BatchSize { get; init; }

    /// <summary>Directory refreshes left today; the plan uses at most this many.</summary>
    public required long DirectoriesAvailable { get; init; }
}
