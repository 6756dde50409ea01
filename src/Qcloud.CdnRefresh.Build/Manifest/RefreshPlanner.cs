using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>Turns the current files and the baseline into the list of URLs to refresh under each base URL.</summary>
internal static class RefreshPlanner
{
    /// <param name="currentFiles">The content root as it is now.</param>
    /// <param name="baseline">The usable baseline, or null.</param>
    /// <param name="addedFiles"><c>CdnRefreshAddedFiles</c>: also refresh new files (a CDN may have cached a 404).</param>
    /// <param name="withoutBaseline"><c>CdnRefreshWithoutBaseline</c>, for every base URL when <paramref name="baseline"/>
    /// is null, else for the base URLs it does not record (<see cref="BaseUrlMatch.New"/>) alone.</param>
    /// <param name="baseUrls">This run's base URLs, in the user's order.</param>
    /// <param name="mapUrls">Maps URL paths to absolute URLs under a base URL (may return more than one per path, e.g. a directory index).</param>
    /// <param name="alsoOwed">URLs owed according to another record than <paramref name="baseline"/>: the local manifest
    /// when the baseline came from <c>CdnRefreshBaselineUrl</c>, where a failed run's debts would otherwise be forgotten.</param>
    /// <param name="skipImmutable"><c>CdnRefreshSkipImmutable</c>: files marked <see cref="ManifestFile.Immutable"/> (a
    /// current one by the endpoints file, a deleted one by its baseline entry) are left alone, changed or deleted.</param>
    public static RefreshPlan Plan(
        IReadOnlyList<ManifestFile> currentFiles,
        DeploymentManifest? baseline,
        bool addedFiles,
        WithoutBaselineMode withoutBaseline,
        IReadOnlyList<BaseUrl> baseUrls,
        Func<BaseUrl, IReadOnlyList<string>, IReadOnlyList<string>> mapUrls,
        IEnumerable<string>? alsoOwed = null,
        bool skipImmutable = false)
    {
        var changes = baseline is null ? null : ManifestDiff.Compute(currentFiles, baseline);
        var changed = changes is null ? [] : changes.Modified.Concat(changes.Deleted).Concat(addedFiles ? changes.Added : []);

        // A base URL the baseline does not record has no baseline of its own: CdnRefreshWithoutBaseline decides for it.
        var newBaseUrls = baseline is null ? baseUrls : new BaseUrlMatch(baseline.BaseUrls, baseUrls).New;
        var everyFile = newBaseUrls.Count > 0 && withoutBaseline == WithoutBaselineMode.All ? currentFiles : [];

        // The URL paths are found once; only the mapping is done under each base URL.
        var leftAlone = new SortedSet<string>(StringComparer.Ordinal);
        var changedPaths = UrlPaths(changed, skipImmutable, leftAlone);
        var everyPath = UrlPaths(everyFile, skipImmutable, leftAlone);
        var mapped = baseUrls.Select(baseUrl =>
        {
            var isNew = newBaseUrls.Contains(baseUrl);
            var paths = isNew ? everyPath : changedPaths;
            return new PlannedBaseUrl(baseUrl, paths.Count == 0 ? Array.Empty<string>() : mapUrls(baseUrl, paths), isNew);
        }).ToList();

        // Owed URLs are sent again as if they had just changed: the previous run never had them accepted.
        var owed = (baseline?.PendingUrls ?? []).Concat(alsoOwed ?? []).Distinct(StringComparer.Ordinal).ToList();
        var urls = Sorted(mapped.SelectMany(entry => entry.Urls).Concat(owed));

        // For display, an owed URL counts under the longest base URL it is under; one under none (left by a hand edit)
        // is shown apart.
        var owedUnder = owed.ToLookup(url => OwnerOf(url, baseUrls));
        return new RefreshPlan(urls, changes, currentFiles.Count, owed.Count, addedFiles)
        {
            ImmutableLeftAlone = leftAlone.ToList(),
            BaseUrls = mapped
                .Select(entry => entry with { Urls = Sorted(entry.Urls.Concat(owedUnder[entry.BaseUrl])) })
                .ToList(),
            OwedUnderNoBaseUrl = Sorted(owedUnder[null]),
        };
    }

    /// <summary>Distinct and sorted ordinally.</summary>
    private static string[] Sorted(IEnumerable<string> urls) =>
        urls.Distinct(StringComparer.Ordinal).OrderBy(url => url, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The distinct URL paths of <paramref name="files"/>, sorted ordinally: several files can stand for one URL (x.css
    /// and x.css.gz). With <paramref name="skipImmutable"/>, immutable files are left out and added to <paramref name="leftAlone"/>.
    /// </summary>
    private static IReadOnlyList<string> UrlPaths(IEnumerable<ManifestFile> files, bool skipImmutable, ISet<string> leftAlone)
    {
        // A fingerprinted asset's URL never serves other content: purging it only turns a cached copy into a 404
        // for visitors still running the previous version.
        var urlPaths = new List<string>();
        foreach (var file in files)
        {
            if (skipImmutable && file.Immutable)
            {
                leftAlone.Add(file.RelativePath);
            }
            else
            {
                urlPaths.Add(file.UrlPath);
            }
        }

        return Sorted(urlPaths);
    }

    private static BaseUrl? OwnerOf(string url, IReadOnlyList<BaseUrl> baseUrls) =>
        baseUrls.Where(baseUrl => baseUrl.Holds(url)).OrderByDescending(baseUrl => baseUrl.Value.Length).FirstOrDefault();
}
