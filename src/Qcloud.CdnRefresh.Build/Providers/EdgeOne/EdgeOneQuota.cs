using System.Globalization;
using Qcloud.CdnRefresh.Build.Quota;

namespace Qcloud.CdnRefresh.Build.Providers.EdgeOne;

/// <summary>
/// Today's EdgeOne allowances from a <c>DescribeContentQuota</c> answer: URLs available = min(<c>purge_url</c>
/// <c>DailyAvailable</c>, <c>CdnRefreshDailyQuota</c>), a batch = min(<c>CdnRefreshBatchSize</c>, <c>Batch</c>);
/// directories from <c>purge_prefix</c>. Plans differ, so nothing is assumed: without an answer only
/// <c>CdnRefreshDailyQuota</c> is known and no directory refresh is counted on.
/// </summary>
internal static class EdgeOneQuota
{
    public const string UrlType = "purge_url";
    public const string PrefixType = "purge_prefix";

    /// <summary>
    /// The largest prefix batch the client sends. The real limit is <c>purge_prefix</c>'s <c>Batch</c>, which the
    /// server enforces; this only catches a caller that lost count.
    /// </summary>
    public const int MaxDirectoriesPerRequest = 1000;

    /// <summary>From a <c>DescribeContentQuota</c> answer; null when there is none.</summary>
    public static TodaysQuota Today(QuotaRequest request, EdgeOneQuotaResponse? quota)
    {
        var url = quota?.For(UrlType);
        var prefix = quota?.For(PrefixType);
        var dailyQuota = Number(request.DailyQuota);
        Allowance urls;
        if (url?.DailyAvailable is not { } available)
        {
            urls = new Allowance(request.DailyQuota, request.BatchSize, $"CdnRefreshDailyQuota is {dailyQuota} (without DescribeContentQuota {UrlType} figures)", DailyQuotaBinds: true);
        }
        else
        {
            var reported = $"DescribeContentQuota reports {Number(available)} of {Number(url.Daily ?? available)} {UrlType} targets left today";
            var dailyQuotaBinds = request.DailyQuota < available;
            urls = new Allowance(
                Math.Min(available, request.DailyQuota),
                url.Batch is > 0 and var batch ? (int)Math.Min(request.BatchSize, batch) : request.BatchSize,
                dailyQuotaBinds ? $"CdnRefreshDailyQuota is {dailyQuota} ({reported})" : reported,
                dailyQuotaBinds);
        }

        var directories = prefix?.DailyAvailable is not { } prefixes
            ? new Allowance(0, 1, $"without DescribeContentQuota {PrefixType} figures", DailyQuotaBinds: false)
            : new Allowance(
                prefixes,
                prefix.Batch is > 0 and var prefixBatch ? (int)Math.Min(prefixBatch, MaxDirectoriesPerRequest) : 1,
                $"DescribeContentQuota reports {Number(prefixes)} of {Number(prefix.Daily ?? prefixes)} {PrefixType} targets left today",
                DailyQuotaBinds: false);
        return new TodaysQuota(urls, directories);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
