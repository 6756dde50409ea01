using System;
using System.Globalization;
using System.Linq;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Diagnostics;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>
/// Decides, before anything is sent, whether a run's URLs fit today's refresh quota, and if not whether directory
/// refreshes can stand in for them. A run that cannot fit sends nothing: half a refresh spends the quota and still
/// leaves stale files.
/// </summary>
internal static class QuotaBudget
{
    public const string OverQuotaProperty = "CdnRefreshOverQuota";

    /// <summary>Tencent's usual API 3.0 path purge limit a day, assumed when <c>DescribePurgeQuota</c> gave no numbers.</summary>
    public const int DefaultV3DirectoriesPerDay = 100;

    /// <summary>API 3.0, from a <c>DescribePurgeQuota</c> answer (null or failed: only <c>CdnRefreshDailyQuota</c> is known).</summary>
    public static QuotaDecision DecideV3(QuotaRequest request, PurgeQuotaOutcome? outcome)
    {
        var succeeded = outcome is { Succeeded: true };
        return DecideV3(
            request,
            succeeded ? outcome!.UrlQuotaFor(request.Area) : null,
            succeeded ? outcome!.PathQuotaFor(request.Area) : null);
    }

    /// <summary>API 3.0: URLs available = min(<c>Available</c>, <c>CdnRefreshDailyQuota</c>); batch = min(<c>CdnRefreshBatchSize</c>, <c>Batch</c>).</summary>
    /// <param name="request">The run's URLs and settings.</param>
    /// <param name="urlQuota">The area's URL purge quota; null when <c>DescribePurgeQuota</c> failed.</param>
    /// <param name="pathQuota">The area's path purge quota; null when <c>DescribePurgeQuota</c> failed.</param>
    public static QuotaDecision DecideV3(QuotaRequest request, PurgeQuota? urlQuota, PurgeQuota? pathQuota)
    {
        var dailyQuota = request.DailyQuota.ToString(CultureInfo.InvariantCulture);
        Allowance urls;
        if (urlQuota is null)
        {
            urls = new Allowance(request.DailyQuota, request.BatchSize, $"CdnRefreshDailyQuota is {dailyQuota} (DescribePurgeQuota gave no numbers for {request.Area})", DailyQuotaBinds: true);
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
            ? new Allowance(DefaultV3DirectoriesPerDay, DirectoryLimits.PerRequestV3(pathQuota), $"DescribePurgeQuota gave no numbers, so Tencent's usual {Number(DefaultV3DirectoriesPerDay)} a day is assumed", DailyQuotaBinds: false)
            : new Allowance(
                pathQuota.Available,
                DirectoryLimits.PerRequestV3(pathQuota),
                $"DescribePurgeQuota reports {Number(pathQuota.Available)} of {Number(pathQuota.Total)} directory refreshes left today for {request.Area}",
                DailyQuotaBinds: false);
        return Decide(request, urls, directories);
    }

    /// <summary>
    /// API 2.0, from this machine's count (<see cref="DailyUsageStore"/>): URLs available = <c>CdnRefreshDailyQuota</c>
    /// minus today's use; directories available = 100 minus today's use, 20 a request.
    /// </summary>
    public static QuotaDecision DecideV2(QuotaRequest request, long urlsUsedToday, long directoriesUsedToday)
    {
        var urls = new Allowance(
            request.DailyQuota - urlsUsedToday,
            request.BatchSize,
            $"CdnRefreshDailyQuota is {Number(request.DailyQuota)} and {Number(urlsUsedToday)} were already accepted today for {request.Area}",
            DailyQuotaBinds: true);
        var directories = new Allowance(
            DirectoryLimits.MaxPerDayV2 - directoriesUsedToday,
            DirectoryLimits.MaxPerRequestV2,
            $"API 2.0 allows {Number(DirectoryLimits.MaxPerDayV2)} directory refreshes a day and {Number(directoriesUsedToday)} were already accepted today for {request.Area}",
            DailyQuotaBinds: false);
        return Decide(request, urls, directories);
    }

    private static QuotaDecision Decide(QuotaRequest request, Allowance urls, Allowance directories)
    {
        var needed = request.Urls.Count;
        var available = Math.Max(0, urls.Available);
        var numbers = $"This run needs {Number(needed)} URL refreshes; {Number(available)} are left today: {urls.Source}.";
        if (needed <= available)
        {
            return new SendUrlsDecision { UrlsNeeded = needed, UrlsAvailable = available, BatchSize = urls.Batch, Explanation = numbers };
        }

        if (request.OverQuota == OverQuotaMode.Fail)
        {
            var raise = urls.DailyQuotaBinds ? ", raise CdnRefreshDailyQuota if your Tencent Cloud quota is larger" : string.Empty;
            return new RefuseDecision
            {
                UrlsNeeded = needed,
                UrlsAvailable = available,
                Explanation = numbers,
                Code = DiagnosticCodes.DailyQuotaInsufficient,
                Message = $"This run needs {Number(needed)} URL refreshes but only {Number(available)} are left today ({urls.Source}). "
                    + "Nothing was sent and the manifest was not changed. Set "
                    + OverQuotaProperty + "=directory to refresh the changed files' folders instead" + raise
                    + ", exclude files with CdnRefreshExclude items, or run again after the quota resets at midnight Beijing time (16:00 UTC).",
            };
        }

        var directoriesLeft = Math.Max(0, directories.Available);
        if (directoriesLeft < 1)
        {
            return new RefuseDecision
            {
                UrlsNeeded = needed,
                UrlsAvailable = available,
                DirectoriesAvailable = directoriesLeft,
                Explanation = numbers + $" No directory refreshes are left either: {directories.Source}.",
                Code = DiagnosticCodes.DailyQuotaInsufficient,
                Message = $"This run needs {Number(needed)} URL refreshes but only {Number(available)} are left today ({urls.Source}), "
                    + $"and {OverQuotaProperty}=directory cannot help: no directory refreshes are left today ({directories.Source}). "
                    + "Nothing was sent and the manifest was not changed. Run again after the quota resets at midnight Beijing time (16:00 UTC), "
                    + "exclude files with CdnRefreshExclude items, or ask Tencent Cloud for a larger quota.",
            };
        }

        var plan = DirectoryFolder.Fold(request.Urls, request.BaseUrl, (int)Math.Min(int.MaxValue, directoriesLeft));
        return new SendDirectoriesDecision
        {
            UrlsNeeded = needed,
            UrlsAvailable = available,
            DirectoriesAvailable = directoriesLeft,
            Plan = plan,
            BatchSize = directories.Batch,
            Explanation = numbers + $" {OverQuotaProperty}=directory: refreshing {Number(plan.Directories.Count)} "
                + (plan.Directories.Count == 1 ? "directory" : "directories")
                + $" instead, {Number(directories.Batch)} a request ({Number(directoriesLeft)} left today: {directories.Source}).",
        };
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <param name="Available">Entries left today (may be negative when more was used than allowed).</param>
    /// <param name="Batch">Entries a request.</param>
    /// <param name="Source">Where <paramref name="Available"/> comes from, for messages.</param>
    /// <param name="DailyQuotaBinds">Whether raising <c>CdnRefreshDailyQuota</c> would leave more.</param>
    private sealed record Allowance(long Available, int Batch, string Source, bool DailyQuotaBinds);
}
