using System.Globalization;
using Qcloud.CdnRefresh.Build.Quota;

namespace Qcloud.CdnRefresh.Build.Providers.V2;

/// <summary>
/// Today's API 2.0 allowances. The API cannot say what is left, so they come from this machine's count of what it
/// accepted today (<see cref="DailyUsageStore"/>): URLs = <c>CdnRefreshDailyQuota</c> minus today's use; directories =
/// 100 a day minus today's use, 20 a request.
/// </summary>
internal static class V2Quota
{
    /// <summary><c>RefreshCdnOverSeaDir</c> and <c>RefreshCdnDir</c>: at most 20 directories a request.</summary>
    public const int MaxDirectoriesPerRequest = 20;

    /// <summary>At most 100 directories a day per area.</summary>
    public const int MaxDirectoriesPerDay = 100;

    public static TodaysQuota Today(QuotaRequest request, long urlsUsedToday, long directoriesUsedToday)
    {
        var urls = new Allowance(
            request.DailyQuota - urlsUsedToday,
            request.BatchSize,
            $"CdnRefreshDailyQuota is {Number(request.DailyQuota)} and {Number(urlsUsedToday)} were already accepted today for {request.Area}",
            DailyQuotaBinds: true);
        var directories = new Allowance(
            MaxDirectoriesPerDay - directoriesUsedToday,
            MaxDirectoriesPerRequest,
            $"API 2.0 allows {Number(MaxDirectoriesPerDay)} directory refreshes a day and {Number(directoriesUsedToday)} were already accepted today for {request.Area}",
            DailyQuotaBinds: false);
        return new TodaysQuota(urls, directories);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
