using System.Globalization;
using Qcloud.CdnRefresh.Build.Quota;

namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>
/// Today's API 3.0 allowances from a <c>DescribePurgeQuota</c> answer: URLs available = min(<c>Available</c>,
/// <c>CdnRefreshDailyQuota</c>), a batch = min(<c>CdnRefreshBatchSize</c>, <c>Batch</c>); directories from
/// <c>PathPurge</c>. Without an answer only <c>CdnRefreshDailyQuota</c> and Tencent's usual path limits are known.
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
        var dailyQuota = Number(request.DailyQuota);
        Allowance urls;
        if (urlQuota is null)
        {
            urls = new Allowance(request.DailyQuota, request.BatchSize, $"CdnRefreshDailyQuota is {dailyQuota} (without DescribePurgeQuota figures for {request.Area})", DailyQuotaBinds: true);
        }
        else
        {
            var reported = $"DescribePurgeQuota reports {Number(urlQuota.Available)} of {Number(urlQuota.Total)} URL refreshes left today for {request.Area}";
            var dailyQuotaBinds = request.DailyQuota < urlQuota.Available;
            urls = new Allowance(
                Math.Min(urlQuota.Available, request.DailyQuota),
                urlQuota.Batch > 0 ? (int)Math.Min(request.BatchSize, urlQuota.Batch) : request.BatchSize,
                dailyQuotaBinds ? $"CdnRefreshDailyQuota is {dailyQuota} ({reported})" : reported,
                dailyQuotaBinds);
        }

        var directories = pathQuota is null
            ? new Allowance(DefaultDirectoriesPerDay, DirectoriesPerRequest(pathQuota), $"without DescribePurgeQuota figures, Tencent's usual {Number(DefaultDirectoriesPerDay)} a day is assumed", DailyQuotaBinds: false)
            : new Allowance(
                pathQuota.Available,
                DirectoriesPerRequest(pathQuota),
                $"DescribePurgeQuota reports {Number(pathQuota.Available)} of {Number(pathQuota.Total)} directory refreshes left today for {request.Area}",
                DailyQuotaBinds: false);
        return new TodaysQuota(urls, directories);
    }

    /// <summary>
    /// Directories a request from an area's path quota: its <c>Batch</c> when reported, capped at what the client sends
    /// a request so that a larger reported Batch cannot make a batch invalid; else 20.
    /// </summary>
    public static int DirectoriesPerRequest(PurgeQuota? pathQuota) =>
        pathQuota?.Batch is long batch and > 0 ? (int)Math.Min(batch, MaxDirectoriesPerRequest) : DefaultDirectoriesPerRequest;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
