using System.Collections.Generic;
using System.Linq;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Quota;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>What a dry run prints: the quota decision a real run would meet, and the URLs it would refresh.</summary>
internal static class DryRunReport
{
    private const int UrlsShown = 20;

    public static void Log(IRefreshLog log, QuotaDecision decision, IReadOnlyList<string> urls)
    {
        LogDecision(log, decision);
        foreach (var url in urls.Take(UrlsShown))
        {
            log.Summary("  would refresh " + url);
        }

        if (urls.Count > UrlsShown)
        {
            log.Summary($"  and {urls.Count - UrlsShown} more (-v:detailed lists them all)");
            foreach (var url in urls.Skip(UrlsShown))
            {
                log.Detail("  would refresh " + url);
            }
        }
    }

    /// <summary>Said without failing the dry run: a refusal is a warning here.</summary>
    private static void LogDecision(IRefreshLog log, QuotaDecision decision)
    {
        switch (decision)
        {
            case RefuseDecision refuse:
                log.Warning(refuse.Code, refuse.Message);
                break;
            case SendDirectoriesDecision fold:
                log.Summary("  " + fold.Explanation);
                foreach (var directory in fold.Plan.Directories)
                {
                    var urls = directory.CoveredUrls.Count;
                    log.Summary($"  would refresh {directory.Url}, which covers {urls} {(urls == 1 ? "URL" : "URLs")}");
                }

                break;
            default:
                log.Detail(decision.Explanation);
                break;
        }
    }
}
