using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Mapping;
using static System.FormattableString;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>
/// Folds URLs into the fewest, deepest directory refreshes that fit a directory quota
/// (<c>CdnRefreshOverQuota=directory</c>).
/// </summary>
/// <remarks>
/// Each URL starts in its own folder (a directory URL such as <c>…/docs/</c> is its own folder); folders inside other
/// chosen folders are dropped. While there are more folders than the limit, the folders that share the deepest common
/// parent are replaced by that parent, one parent at a time, deepest first (ties: ordinal order). Merging the deepest
/// shared parent first widens the refresh as little as possible, and folders that share nothing with others keep their
/// depth. Folding is per base URL: a URL's base URL is the last resort for it, covering all of that base URL's URLs
/// with one refresh, and nothing above a base URL is ever chosen, because the content root is all this build knows
/// about; so URLs under several base URLs, none inside another, need at least one directory each.
/// </remarks>
internal static class DirectoryFolder
{
    /// <param name="urls">URLs to cover, each under one of <paramref name="baseUrls"/>; directory URLs end with <c>/</c>.</param>
    /// <param name="baseUrls">The site roots; never exceeded.</param>
    /// <param name="limit">Most directories allowed: the directory quota left for this run.</param>
    /// <exception cref="CdnRefreshException"><see cref="DiagnosticCodes.DailyQuotaInsufficient"/>: <paramref name="limit"/> is below 1,
    /// or below the number of base URLs the URLs lie under.</exception>
    /// <exception cref="CdnRefreshException">A URL is under none of <paramref name="baseUrls"/>, so no directory there covers it.</exception>
    public static DirectoryPlan Fold(IEnumerable<string> urls, IReadOnlyList<BaseUrl> baseUrls, int limit)
    {
        // Folders are absolute URLs ending with '/'; each initial one knows the base URL it may not go above: the
        // outermost one it is under, since a base URL inside another is covered by the outer one's refresh too.
        var folderOfUrl = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var rootOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var url in urls)
        {
            var root = baseUrls.Where(baseUrl => baseUrl.Holds(url)).Select(baseUrl => baseUrl.Value).OrderBy(value => value.Length).FirstOrDefault()
                ?? throw new CdnRefreshException(
                    DiagnosticCodes.DailyQuotaInsufficient,
                    $"'{url}' is owed from an earlier run but is not under CdnRefreshBaseUrl '{string.Join(";", baseUrls.Select(baseUrl => baseUrl.Value))}', so no directory refresh can cover it. Nothing was sent. Run once without CdnRefreshOverQuota=directory, or delete the manifest's pendingUrls entry.");
            var folder = FolderOf(url);
            folderOfUrl[url] = folder;
            rootOf[folder] = root;
        }

        if (folderOfUrl.Count == 0)
        {
            // Nothing to cover needs no quota, so an exhausted quota is no error here.
            return new DirectoryPlan(new Dictionary<string, IReadOnlyList<string>>());
        }

        if (limit < 1)
        {
            throw CannotHelp(limit, Invariant($"{folderOfUrl.Count} URLs need at least one"));
        }

        var chosen = WithoutNested(new SortedSet<string>(folderOfUrl.Values, StringComparer.Ordinal));
        MergeUntilWithin(chosen, rootOf, limit);
        if (chosen.Count > limit)
        {
            throw CannotHelp(limit, Invariant($"the URLs lie under {chosen.Count} base URLs, which need a directory refresh each"));
        }

        return PlanOf(chosen, folderOfUrl);
    }

    private static CdnRefreshException CannotHelp(int limit, string need) => new(
        DiagnosticCodes.DailyQuotaInsufficient,
        Invariant($"CdnRefreshOverQuota=directory cannot help: the directory refresh quota has {limit} left today, and {need}. ")
        + "Nothing was sent and the manifest was not changed. "
        + "Wait until the quota resets at midnight Beijing time (16:00 UTC), or ask Tencent Cloud for a larger quota.");

    /// <summary>Path segments: one more for each folder level, so deeper folders of any base URL count more.</summary>
    private static int DepthOf(string folder) => folder.Count(c => c == '/');

    /// <summary>The folder, ending with <c>/</c>, that holds a URL: itself for a directory URL.</summary>
    private static string FolderOf(string url) => url.Substring(0, url.LastIndexOf('/') + 1);

    /// <summary>
    /// Drops folders inside other folders. Ordinal order puts a folder right before everything that starts with it,
    /// so one pass that remembers the last kept folder is enough.
    /// </summary>
    private static SortedSet<string> WithoutNested(SortedSet<string> folders)
    {
        var kept = new SortedSet<string>(StringComparer.Ordinal);
        string? outer = null;
        foreach (var folder in folders)
        {
            if (outer is null || !folder.StartsWith(outer, StringComparison.Ordinal))
            {
                kept.Add(folder);
                outer = folder;
            }
        }

        return kept;
    }

    private static void MergeUntilWithin(SortedSet<string> chosen, IReadOnlyDictionary<string, string> rootOf, int limit)
    {
        if (chosen.Count <= limit)
        {
            return;
        }

        // A merge can only happen at a folder with two or more chosen folders below it. Merges never add such folders,
        // so the ones found now, taken deepest first, are every merge that can ever be made.
        var sharedParents = chosen
            .SelectMany(folder => ParentsOf(folder, rootOf[folder]))
            .GroupBy(parent => parent, StringComparer.Ordinal)
            .Where(group => group.Count() >= 2)
            .Select(group => group.Key)
            .OrderByDescending(DepthOf)
            .ThenBy(parent => parent, StringComparer.Ordinal)
            .ToList();

        foreach (var parent in sharedParents.TakeWhile(_ => chosen.Count > limit))
        {
            // Fewer than two inside: an earlier, deeper merge already turned this folder's content into one folder.
            var inside = Inside(chosen, parent);
            if (inside.Count >= 2)
            {
                chosen.ExceptWith(inside);
                chosen.Add(parent);
            }
        }
    }

    /// <summary>Every folder above <paramref name="folder"/>, up to and including its base URL, <paramref name="root"/>.</summary>
    private static IEnumerable<string> ParentsOf(string folder, string root)
    {
        if (folder.Length == root.Length)
        {
            yield break;
        }

        yield return root;
        for (var slash = folder.IndexOf('/', root.Length); slash >= 0 && slash < folder.Length - 1; slash = folder.IndexOf('/', slash + 1))
        {
            yield return folder.Substring(0, slash + 1);
        }
    }

    private static List<string> Inside(SortedSet<string> chosen, string parent) =>
        chosen.GetViewBetween(parent, chosen.Max!)
            .TakeWhile(folder => folder.StartsWith(parent, StringComparison.Ordinal))
            .ToList();

    private static DirectoryPlan PlanOf(SortedSet<string> chosen, SortedDictionary<string, string> folderOfUrl)
    {
        var covered = chosen.ToDictionary(folder => folder, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var pair in folderOfUrl)
        {
            // Walk up from the URL's own folder to the chosen one; the chosen folders cover every URL by construction.
            var folder = pair.Value;
            while (!covered.ContainsKey(folder))
            {
                folder = folder.Substring(0, folder.LastIndexOf('/', folder.Length - 2) + 1);
            }

            covered[folder].Add(pair.Key);
        }

        var plan = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var folder in chosen)
        {
            plan.Add(folder, covered[folder]);
        }

        return new DirectoryPlan(plan);
    }
}
