using Qcloud.CdnRefresh.Build.Quota;
using static System.FormattableString;

namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>
/// Today's API 3.0 allowances from a <c>DescribePurgeQuota</c> answer: URLs from <c>UrlPurge</c> (see
/// <see cref="Allowance.Urls"/>), directories from <c>PathPurge</c>. Without an answer only
/// <c>CdnRefreshDailyQuota</c> and Tencent's usual path limits are known.
/// </summary>
internal static class V3Quota
{
    /// <summary>Tencent's usual path purge limit a day, assumed when <c>DescribePurgeQuota</c> gave no numbers.</summary>
    public const int DefaultDirectoriesPerDay = 100;

    /// <summary>Directories a request when <c>DescribePurgeQuota</c> does not report <c>PathPurge.Batch</c>.</summary>
    public const int DefaultDirectoriesPerRequest = 20;

    /// <summary>
    /// The largest directory batch the client sends. The real limit is <c>PathPurge.Batch</c>, which the server
    /// enforces (as <c>LimitExceeded.CdnPurgePathExceedBatchLimit</c>); this only catches a caller that lost count.
    /// </summary>
    public const int MaxDirectoriesPerRequest = 1000;

    /// <summary>From a <c>DescribePurgeQuota</c> answer; null when there is none: then only <c>CdnRefreshDailyQuota</c> is known.</summary>
    public static TodaysQuota Today(QuotaRequest request, PurgeQuotaResponse? quota) =>
        Today(request, quota?.UrlQuotaFor(request.Area), quota?.PathQuotaFor(request.Area));

    /// <param name="request">The run's URLs and settings.</param>
    /// <param name="urlQuota">The area's URL purge quota; null when <c>DescribePurgeQuota</c> gave none.</param>
    /// <param name="pathQuota">The area's path purge quota; null when <c>DescribePurgeQuota</c> gave none.</param>
    public static TodaysQuota Today(QuotaRequest request, PurgeQuota? urlQuota, PurgeQuota? pathQuota)
    {
        var urls = Allowance.Urls(request, Figures(urlQuota, "URL"), $"without DescribePurgeQuota figures for {request.Area}");
        var directories = Figures(pathQuota, "directory") is { } path
            ? new Allowance(path.Available, DirectoriesPerRequest(pathQuota), path.Source, DailyQuotaBinds: false)
            : new Allowance(
                DefaultDirectoriesPerDay,
                DefaultDirectoriesPerRequest,
                Invariant($"without DescribePurgeQuota figures, Tencent's usual {DefaultDirectoriesPerDay} a day is assumed"),
                DailyQuotaBinds: false);
        return new TodaysQuota(urls, directories);

        (long Available, long? Batch, string Source)? Figures(PurgeQuota? quota, string kind) =>
            quota is null
                ? null
                : (quota.Available, quota.Batch, Invariant($"DescribePurgeQuota reports {quota.Available} of {quota.Total} {kind} refreshes left today for {request.Area}"));
    }

    /// <summary>
    /// Directories a request from an area's path quota: its <c>Batch</c> when reported, capped at what the client sends
    /// a request so that a larger reported Batch cannot make a batch invalid; else 20.
    /// </summary>
    public static int DirectoriesPerRequest(PurgeQuota? pathQuota) =>
        Allowance.BatchOf(pathQuota?.Batch, MaxDirectoriesPerRequest, DefaultDirectoriesPerRequest);
}
