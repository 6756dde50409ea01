using Qcloud.CdnRefresh.Build.Quota;
using static System.FormattableString;

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

    public static TodaysQuota Today(QuotaRequest request, long urlsUsedToday, long directoriesUsedToday) => new(
        new Allowance(
            request.DailyQuota - urlsUsedToday,
            request.BatchSize,
            Invariant($"CdnRefreshDailyQuota is {request.DailyQuota} and {urlsUsedToday} were already accepted today for {request.Area}"),
            DailyQuotaBinds: true),
        new Allowance(
            MaxDirectoriesPerDay - directoriesUsedToday,
            MaxDirectoriesPerRequest,
            Invariant($"API 2.0 allows {MaxDirectoriesPerDay} directory refreshes a day and {directoriesUsedToday} were already accepted today for {request.Area}"),
            DailyQuotaBinds: false));
}
