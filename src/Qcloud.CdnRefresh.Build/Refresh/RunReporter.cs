using System.Globalization;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Manifest;
using Qcloud.CdnRefresh.Build.Quota;
using Qcloud.CdnRefresh.Build.Reporting;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>
/// Everything a run tells the world: what a dry run would do, and when it ends the summary line, the API failure, the
/// report and the step summary.
/// </summary>
internal static class RunReporter
{
    private const int UrlsShown = 20;
    private static readonly TimeSpan StepSummaryLockTimeout = TimeSpan.FromSeconds(10);

    public static void Report(RefreshResult result, RefreshSettings settings, RefreshEnvironment environment)
    {
        environment.Log.Summary(SummaryLine(result, settings));
        if (result.FailureCode is not null)
        {
            Failure(environment.Log, settings, result.FailureCode, result.FailureMessage ?? string.Empty);
        }

        if (settings.ReportPath is not null)
        {
            WriteOrWarn(environment, "the report " + settings.ReportPath, () => RunReportWriter.Write(settings.ReportPath, result));
        }

        var stepSummary = environment.Variable(StepSummaryWriter.Variable);
        if (!string.IsNullOrWhiteSpace(stepSummary))
        {
            WriteOrWarn(environment, "the GitHub step summary " + stepSummary, () => StepSummaryWriter.Append(stepSummary!, StepSummaryWriter.Render(result), StepSummaryLockTimeout));
        }
    }

    /// <summary>A failure of the run: an error, or a warning with <c>CdnRefreshContinueOnError</c>.</summary>
    public static void Failure(IRefreshLog log, RefreshSettings settings, string code, string message)
    {
        if (settings.ContinueOnError)
        {
            log.Warning(code, message);
        }
        else
        {
            log.Error(code, message);
        }
    }

    /// <summary>The refresh itself is done and recorded: a report that cannot be written must not fail it.</summary>
    private static void WriteOrWarn(RefreshEnvironment environment, string what, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            environment.Log.Warning(DiagnosticCodes.ReportWriteFailed, $"Could not write {what}: {e.Message} The refresh itself is not affected.");
        }
    }

    /// <summary>
    /// e.g. <c>412 files (3 modified, 1 deleted, 0 added), 5 URLs in 1 batch to PurgeUrlsCache (overseas): 5 accepted, 0 pending, 0.41 s.</c>,
    /// with <c>, 6 immutable left alone</c> after the files when there are such files and <c> under 2 base URLs</c>
    /// after the URLs when there are several.
    /// </summary>
    public static string SummaryLine(RefreshResult result, RefreshSettings settings)
    {
        var files = result.HadBaseline
            ? $"{result.FilesListed} files ({result.Modified} modified, {result.Deleted} deleted, {result.Added} added)"
            : $"{result.FilesListed} files (no baseline)";
        var owed = result.Owed > 0 ? $", {result.Owed} owed" : string.Empty;
        var immutable = result.ImmutableLeftAlone > 0 ? $", {result.ImmutableLeftAlone} immutable left alone" : string.Empty;
        var batches = result.Batches == 1 ? "1 batch" : $"{result.Batches} batches";
        var target = $"{result.Action} ({settings.ZoneId ?? settings.Area}) at {result.Endpoint}";
        var outcome = result.DryRun
            ? "dry run, nothing sent"
            : $"{result.AcceptedUrls.Count} accepted, {result.PendingUrls.Count} pending";
        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var urls = (result.PlannedUrls.Count == 1 ? "1 URL" : $"{result.PlannedUrls.Count} URLs")
            + (result.BaseUrls.Count > 1 ? $" under {result.BaseUrls.Count} base URLs" : string.Empty);
        return $"{files}{owed}{immutable}, {urls} in {batches} to {target}: {outcome}, {result.FilesHashed} hashed, {seconds} s.";
    }

    /// <summary>
    /// What a dry run prints: the quota decision a real run would meet, and the URLs it would refresh, grouped under each
    /// base URL when there are several.
    /// </summary>
    public static void DryRun(IRefreshLog log, QuotaDecision decision, RefreshPlan plan)
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
