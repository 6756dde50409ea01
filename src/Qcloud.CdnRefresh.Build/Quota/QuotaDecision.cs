using Qcloud.CdnRefresh.Build.Diagnostics;
using static System.FormattableString;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>
/// Whether a run's URLs fit today's refresh quota (as the provider knows it), and if not whether directory refreshes
/// can stand in for them: send the URLs, send directories instead, or send nothing.
/// </summary>
/// <param name="Explanation">One log line with the numbers behind the decision.</param>
/// <param name="BatchSize">Entries a request: for URLs the smaller of <c>CdnRefreshBatchSize</c> and the API's per-request limit.</param>
/// <param name="Plan">The URLs do not fit and <c>CdnRefreshOverQuota=directory</c>: the directories to refresh instead
/// (v3 <c>PurgePathCache</c> with <c>FlushType=flush</c>, v2 <c>RefreshCdnOverSeaDir</c>).</param>
/// <param name="Refusal">Nothing fits today: the error a real run throws, with the numbers and the knobs to change (a dry run
/// logs it as a warning).</param>
internal sealed record QuotaDecision(string Explanation, int BatchSize, DirectoryPlan? Plan = null, CdnRefreshException? Refusal = null)
{
    private const string OverQuotaProperty = "CdnRefreshOverQuota";

    /// <summary>
    /// Decides, before anything is sent: the URLs when they fit <paramref name="today"/>'s URL allowance; otherwise a
    /// refusal, or with <c>CdnRefreshOverQuota=directory</c> as many directories as the directory allowance leaves. A run
    /// that cannot fit sends nothing: half a refresh spends the quota and still leaves stale files.
    /// </summary>
    public static QuotaDecision Decide(QuotaRequest request, TodaysQuota today)
    {
        var (urls, directories) = today;
        var needed = request.Urls.Count;
        var available = Math.Max(0, urls.Available);
        var numbers = Invariant($"This run needs {needed} URL refreshes; {available} are left today: {urls.Source}.");
        if (needed <= available)
        {
            return new QuotaDecision(numbers, urls.Batch);
        }

        var shortfall = Invariant($"This run needs {needed} URL refreshes but only {available} are left today ({urls.Source})");

        if (request.OverQuota == OverQuotaMode.Fail)
        {
            var raise = urls.DailyQuotaBinds ? ", raise CdnRefreshDailyQuota if your Tencent Cloud quota is larger" : string.Empty;
            return Refuse(
                numbers,
                shortfall + ". Nothing was sent and the manifest was not changed. Set "
                    + OverQuotaProperty + "=directory to refresh the changed files' folders instead" + raise
                    + ", exclude files with CdnRefreshExclude items, or run again after the quota resets at midnight Beijing time (16:00 UTC).");
        }

        var directoriesLeft = Math.Max(0, directories.Available);
        if (directoriesLeft < 1)
        {
            return Refuse(
                numbers + $" No directory refreshes are left either: {directories.Source}.",
                shortfall + $", and {OverQuotaProperty}=directory cannot help: "
                    + $"no directory refreshes are left today ({directories.Source}). "
                    + "Nothing was sent and the manifest was not changed. Run again after the quota resets at midnight Beijing time (16:00 UTC), "
                    + "exclude files with CdnRefreshExclude items, or ask Tencent Cloud for a larger quota.");
        }

        var plan = DirectoryFolder.Fold(request.Urls, request.BaseUrls, (int)Math.Min(int.MaxValue, directoriesLeft));
        var explanation = numbers + Invariant($" {OverQuotaProperty}=directory: refreshing {plan.CoveredUrls.Count} ")
            + (plan.CoveredUrls.Count == 1 ? "directory" : "directories")
            + Invariant($" instead, {directories.Batch} a request ({directoriesLeft} left today: {directories.Source}).");
        return new QuotaDecision(explanation, directories.Batch, plan);
    }

    private static QuotaDecision Refuse(string explanation, string message) =>
        new(explanation, BatchSize: 0, Refusal: new CdnRefreshException(DiagnosticCodes.DailyQuotaInsufficient, message));
}
