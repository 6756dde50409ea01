using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>
/// The directory refreshes that replace a set of URL refreshes (<c>CdnRefreshOverQuota=directory</c>): every URL is
/// covered by exactly one directory, and no directory lies inside another.
/// </summary>
internal sealed class DirectoryPlan
{
    public DirectoryPlan(string baseUrl, IReadOnlyList<FoldedDirectory> directories)
    {
        BaseUrl = baseUrl;
        Directories = directories;
    }

    public string BaseUrl { get; }

    /// <summary>Sorted ordinally by URL.</summary>
    public IReadOnlyList<FoldedDirectory> Directories { get; }

    /// <summary>The directory URLs to send, in <see cref="Directories"/> order.</summary>
    public IReadOnlyList<string> DirectoryUrls => Directories.Select(d => d.Url).ToList();

    /// <summary>How many distinct URLs the directories cover together.</summary>
    public int CoveredUrlCount => Directories.Sum(d => d.CoveredUrls.Count);

    /// <summary>
    /// Log lines: a summary, then one line per directory (<c>https://x/docs/ covers 37 URLs</c>), so a user can see why
    /// more than the changed files was refreshed.
    /// </summary>
    public IReadOnlyList<string> Explain()
    {
        var lines = new List<string>(Directories.Count + 1)
        {
            $"{Count(CoveredUrlCount, "URL")} folded into {Count(Directories.Count, "directory refresh", "directory refreshes")}:",
        };
        lines.AddRange(Directories.Select(d => $"  {d.Url} covers {Count(d.CoveredUrls.Count, "URL")}"));
        return lines;
    }

    private static string Count(int count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
