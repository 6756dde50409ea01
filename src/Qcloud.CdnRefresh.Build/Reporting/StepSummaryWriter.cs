using System.Globalization;
using System.Text;

namespace Qcloud.CdnRefresh.Build.Reporting;

/// <summary>
/// Appends a short Markdown table to GitHub Actions' <c>GITHUB_STEP_SUMMARY</c>. Several MSBuild nodes may append at
/// once, so the append holds an exclusive lock on the file; the table is capped because the runner rejects large summaries.
/// </summary>
internal static class StepSummaryWriter
{
    public const string Variable = "GITHUB_STEP_SUMMARY";
    public const int MaxRows = 20;

    public static string Render(RefreshResult result)
    {
        var text = new StringBuilder();
        text.Append("### CDN refresh").Append(result.DryRun ? " (dry run)" : string.Empty).Append("\n\n");
        text.Append(string.Format(
            CultureInfo.InvariantCulture,
            "{0} files, {1} modified, {2} deleted, {3} added{10}; {4} URLs{5} in {6} {7}, {8} accepted, {9} pending.\n\n",
            result.FilesListed, result.Modified, result.Deleted, result.Added, result.PlannedUrls.Count,
            result.BaseUrls.Count > 1 ? $" under {result.BaseUrls.Count} base URLs" : string.Empty,
            result.Batches, result.Batches == 1 ? "batch" : "batches", result.AcceptedUrls.Count, result.PendingUrls.Count,
            result.ImmutableLeftAlone > 0 ? $", {result.ImmutableLeftAlone} immutable left alone" : string.Empty));
        if (result.FailureCode is not null)
        {
            text.Append("**").Append(result.FailureCode).Append("**: ").Append(Escape(result.FailureMessage ?? string.Empty)).Append("\n\n");
        }

        if (result.BaseUrls.Count > 1)
        {
            text.Append("| Base URL | URLs |\n| --- | --- |\n");
            foreach (var baseUrl in result.BaseUrls)
            {
                text.Append("| ").Append(Escape(baseUrl.BaseUrl.Value)).Append(" | ").Append(baseUrl.Urls.Count.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
            }

            text.Append('\n');
        }

        if (result.PlannedUrls.Count == 0)
        {
            return text.ToString();
        }

        text.Append("| URL | Status |\n| --- | --- |\n");
        var accepted = new HashSet<string>(result.AcceptedUrls.Select(u => u.Url), StringComparer.Ordinal);
        foreach (var url in result.PlannedUrls.Take(MaxRows))
        {
            text.Append("| ").Append(Escape(url)).Append(" | ").Append(result.DryRun ? "planned" : accepted.Contains(url) ? "accepted" : "pending").Append(" |\n");
        }

        if (result.PlannedUrls.Count > MaxRows)
        {
            text.Append("\nand ").Append(result.PlannedUrls.Count - MaxRows).Append(" more\n");
        }

        return text.Append('\n').ToString();
    }

    public static void Append(string path, string markdown, TimeSpan timeout)
    {
        var bytes = new UTF8Encoding(false).GetBytes(markdown);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None);
                stream.Write(bytes, 0, bytes.Length);
                return;
            }
            catch (IOException) when (DateTime.UtcNow < deadline && !Directory.Exists(path))
            {
                Thread.Sleep(25);
            }
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");
}
