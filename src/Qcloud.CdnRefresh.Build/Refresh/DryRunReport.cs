using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Manifest;
using Qcloud.CdnRefresh.Build.Quota;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>
/// What a dry run prints: the quota decision a real run would meet, and the URLs it would refresh, grouped under each
/// base URL when there are several.
/// </summary>
internal static class DryRunReport
{
    private const int UrlsShown = 20;

    public static void Log(IRefreshLog log, QuotaDecision decision, RefreshPlan plan)
    {
        LogDecision(log, decision);
        if (plan.BaseUrls.Count <= 1)
        {
            LogUrls(log, plan.Urls, "  ");
            return;
        }

        foreach (var baseUrl in plan.BaseUrls)
        {
            var count = baseUrl.Urls.Count;
            log.Summary($"  {count} {(count == 1 ? "URL" : "URLs")} under {baseUrl.BaseUrl}{(baseUrl.IsNew && plan.HasBaseline ? " (new since the baseline)" : string.Empty)}:");
            LogUrls(log, baseUrl.Urls, "    ");
        }

        var elsewhere = plan.OwedUnderNoBaseUrl;
        if (elsewhere.Count > 0)
        {
            log.Summary($"  {elsewhere.Count} owed {(elsewhere.Count == 1 ? "URL" : "URLs")} under no listed base URL:");
            LogUrls(log, elsewhere, "    ");
        }
    }

    private static void LogUrls(IRefreshLog log, IReadOnlyList<string> urls, string indent)
    {
        foreach (var url in urls.Take(UrlsShown))
        {
            log.Summary(indent + "would refresh " + url);
        }

        if (urls.Count > UrlsShown)
        {
            log.Summary($"{indent}and {urls.Count - UrlsShown} more (-v:detailed lists them all)");
            foreach (var url in urls.Skip(UrlsShown))
            {
                log.Detail(indent + "would refresh " + url);
            }
        }
    }

    /// <summary>Said without failing the dry run: a refusal is a warning here.</summary>
    private static void LogDecision(IRefreshLog log, QuotaDecision decision)
    {
        if (decision.Refusal is { } refusal)
        {
            log.Warning(refusal.Code, refusal.Message);
        }
        else if (decision.Plan is { } plan)
        {
            log.Summary("  " + decision.Explanation);
            foreach (var directory in plan.CoveredUrls)
            {
                var urls = directory.Value.Count;
                log.Summary($"  would refresh {directory.Key}, which covers {urls} {(urls == 1 ? "URL" : "URLs")}");
            }
        }
        else
        {
            log.Detail(decision.Explanation);
        }
    }
}
