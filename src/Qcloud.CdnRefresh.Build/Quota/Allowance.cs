using static System.FormattableString;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>What today's quota leaves for one kind of refresh (URLs or directories).</summary>
/// <param name="Available">Entries left today (may be negative when more was used than allowed).</param>
/// <param name="Batch">Entries a request.</param>
/// <param name="Source">Where <paramref name="Available"/> comes from, for messages.</param>
/// <param name="DailyQuotaBinds">Whether raising <c>CdnRefreshDailyQuota</c> would leave more.</param>
internal sealed record Allowance(long Available, int Batch, string Source, bool DailyQuotaBinds)
{
    /// <summary>
    /// URLs from a quota query's figures: available = min(<c>Available</c>, <c>CdnRefreshDailyQuota</c>), a batch =
    /// min(<c>CdnRefreshBatchSize</c>, <c>Batch</c>). Without figures (null) only <c>CdnRefreshDailyQuota</c> is known.
    /// </summary>
    /// <param name="request">The run's settings.</param>
    /// <param name="reported">What the query reported, <c>Source</c> being its sentence; null when it reported nothing.</param>
    /// <param name="withoutFigures">Said after <c>CdnRefreshDailyQuota</c> when nothing was reported.</param>
    public static Allowance Urls(QuotaRequest request, (long Available, long? Batch, string Source)? reported, string withoutFigures)
    {
        var dailyQuota = Invariant($"CdnRefreshDailyQuota is {request.DailyQuota}");
        if (reported is not { } figures)
        {
            return new Allowance(request.DailyQuota, request.BatchSize, $"{dailyQuota} ({withoutFigures})", DailyQuotaBinds: true);
        }

        var dailyQuotaBinds = request.DailyQuota < figures.Available;
        return new Allowance(
            Math.Min(figures.Available, request.DailyQuota),
            BatchOf(figures.Batch, request.BatchSize, request.BatchSize),
            dailyQuotaBinds ? $"{dailyQuota} ({figures.Source})" : figures.Source,
            dailyQuotaBinds);
    }

    /// <summary>A reported batch limit above 0, capped at <paramref name="max"/>; else <paramref name="fallback"/>.</summary>
    public static int BatchOf(long? reported, int max, int fallback) => reported is > 0 and var batch ? (int)Math.Min(batch, max) : fallback;
}
