using System;
using System.Collections.Generic;
using System.Linq;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>Turns the current files and the baseline into the list of URLs to refresh.</summary>
internal static class RefreshPlanner
{
    /// <param name="currentFiles">The content root as it is now.</param>
    /// <param name="baseline">The usable baseline, or null.</param>
    /// <param name="addedFiles"><c>CdnRefreshAddedFiles</c>: also refresh new files (a CDN may have cached a 404).</param>
    /// <param name="withoutBaseline"><c>CdnRefreshWithoutBaseline</c>, used only when <paramref name="baseline"/> is null.</param>
    /// <param name="mapUrls">Maps URL paths to absolute URLs (may return more than one per path, e.g. a directory index).</param>
    /// <param name="alsoOwed">URLs owed according to another record than <paramref name="baseline"/>: the local manifest
    /// when the baseline came from <c>CdnRefreshBaselineUrl</c>, where a failed run's debts would otherwise be forgotten.</param>
    /// <param name="skipImmutable"><c>CdnRefreshSkipImmutable</c>: files marked <see cref="ManifestFile.Immutable"/> (a
    /// current one by the endpoints file, a deleted one by its baseline entry) are left alone, changed or deleted.</param>
    public static RefreshPlan Plan(
        IReadOnlyList<ManifestFile> currentFiles,
        DeploymentManifest? baseline,
        bool addedFiles,
        WithoutBaselineMode withoutBaseline,
        Func<IEnumerable<string>, IReadOnlyList<string>> mapUrls,
        IEnumerable<string>? alsoOwed = null,
        bool skipImmutable = false)
    {
        ChangeSet? changes = null;
        IEnumerable<ManifestFile> toRefresh;
        if (baseline is null)
        {
            toRefresh = withoutBaseline == WithoutBaselineMode.All ? currentFiles : Enumerable.Empty<ManifestFile>();
        }
        else
        {
            changes = ManifestDiff.Compute(currentFiles, baseline);
            toRefresh = changes.Modified.Concat(changes.Deleted);
            if (addedFiles)
            {
                toRefresh = toRefresh.Concat(changes.Added);
            }
        }

        // A fingerprinted asset's URL never serves other content: purging it only turns a cached copy into a 404 for
        // visitors still running the previous version.
        var leftAlone = Array.Empty<string>();
        if (skipImmutable)
        {
            var files = toRefresh.ToList();
            leftAlone = files.Where(file => file.Immutable).Select(file => file.RelativePath).OrderBy(path => path, StringComparer.Ordinal).ToArray();
            toRefresh = files.Where(file => !file.Immutable);
        }

        // Several files can stand for one URL (x.css and x.css.gz): map each URL path once.
        var urlPaths = toRefresh
            .Select(file => file.UrlPath)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToArray();
        var mapped = urlPaths.Length == 0 ? Array.Empty<string>() : (IEnumerable<string>)mapUrls(urlPaths);

        // Owed URLs are sent again as if they had just changed: the previous run never had them accepted.
        var owed = (baseline?.PendingUrls ?? Array.Empty<string>())
            .Concat(alsoOwed ?? Array.Empty<string>())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var urls = mapped
            .Concat(owed)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(url => url, StringComparer.Ordinal)
            .ToArray();

        return new RefreshPlan(urls, changes, currentFiles.Count, owed.Count, addedFiles) { ImmutableLeftAlone = leftAlone };
    }
}
