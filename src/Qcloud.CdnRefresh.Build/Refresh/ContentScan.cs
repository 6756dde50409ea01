using Qcloud.CdnRefresh.Build.ChangeDetection;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Manifest;
using Qcloud.CdnRefresh.Build.Mapping;
using Qcloud.CdnRefresh.Build.Quota;
using Qcloud.CdnRefresh.Build.StaticAssets;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>
/// What changed: the content root listed and hashed, the local manifest and the baseline (the same one unless
/// <c>CdnRefreshBaselineUrl</c> is set), compared into the plan of URLs.
/// </summary>
internal sealed record ContentScan(
    string ContentRoot,
    ManifestLoadResult Local,
    ManifestLoadResult Baseline,
    IReadOnlyList<ManifestFile> Current,
    HashingStats Hashing,
    RefreshPlan? Plan)
{
    /// <summary>
    /// Lists the content root; when it holds no file, stops there (<see cref="Plan"/> stays null), since an empty state
    /// would mark every deployed file as deleted.
    /// </summary>
    public static async Task<ContentScan> RunAsync(RefreshSettings settings, RefreshEnvironment environment, string? manifestPath, CancellationToken cancellationToken)
    {
        var contentRoot = ChangeDetection.ContentRoot.Resolve(settings.PublishDir, settings.ContentRoot);
        var ownFiles = manifestPath is null ? null : new[] { manifestPath, manifestPath + ManifestLock.FileSuffix, manifestPath + DailyUsageStore.FileSuffix };

        // The local manifest loads while the content root is listed: neither needs the other, and they keep two cores busy.
        var loadingLocal = manifestPath is null
            ? Task.FromResult(ManifestLoadResult.NoBaseline())
            : Task.Run(() => ManifestStore.Load(manifestPath, settings.BaseUrls), CancellationToken.None);
        // So is the endpoints file read; what it gave is logged when it is needed, in order with the run's other messages.
        var readingEndpoints = settings.SkipImmutable
            ? Task.Run(() => EndpointsFileReader.Read(settings.EndpointsFile), CancellationToken.None)
            : null;
        var listed = new ContentFileLister(settings.Exclude, ownFiles).List(contentRoot, cancellationToken);
        if (listed.Count == 0)
        {
            return new ContentScan(contentRoot, ManifestLoadResult.NoBaseline(), ManifestLoadResult.NoBaseline(), [], new(0, 0, 0), null);
        }

        var local = await loadingLocal.ConfigureAwait(false);
        var baseline = settings.BaselineUrl is null
            ? local
            : await new BaselineFetcher(settings.Timeout, environment.Handler, environment.RequestTimer)
                .FetchAsync(settings.BaselineUrl, settings.BaseUrls, cancellationToken).ConfigureAwait(false);
        foreach (var warning in baseline.Warnings)
        {
            environment.Log.Warning(warning.Code, warning.Message);
        }

        foreach (var message in baseline.Messages)
        {
            environment.Log.Detail(message);
        }

        var hashing = new FileHasher().Hash(listed, RecordedHashes(local.Baseline), cancellationToken);
        var immutable = readingEndpoints is null ? null : EndpointsFileReader.ImmutableRoutes(await readingEndpoints.ConfigureAwait(false), environment.Log);
        var current = CurrentFiles(listed, hashing, immutable);

        // With a remote baseline, what the local manifest still owes would otherwise be forgotten.
        var localDebts = settings.BaselineUrl is null ? null : local.Baseline?.PendingUrls;
        var mappers = settings.BaseUrls.ToDictionary(baseUrl => baseUrl, baseUrl => new UrlMapper(baseUrl, settings.DirectoryIndex));
        var plan = RefreshPlanner.Plan(
            current, baseline.Baseline, settings.AddedFiles, settings.WithoutBaseline, settings.BaseUrls, (baseUrl, paths) => mappers[baseUrl].MapAll(paths), localDebts, settings.SkipImmutable);
        environment.Log.Detail(plan.Summary);
        foreach (var added in plan.HasBaseline ? plan.BaseUrls.Where(baseUrl => baseUrl.IsNew) : Enumerable.Empty<PlannedBaseUrl>())
        {
            environment.Log.Detail($"The base URL {added.BaseUrl} is new since the baseline: CdnRefreshWithoutBaseline={settings.WithoutBaseline.ToString().ToLowerInvariant()} decides what is refreshed under it ({added.Urls.Count} URLs).");
        }
        return new ContentScan(contentRoot, local, baseline, current, hashing.Stats, plan);
    }

    /// <summary>
    /// The listed files with their hashes, as the manifest records them, in the listing's (sorted) order; a file whose
    /// URL path is one of <paramref name="immutableUrlPaths"/> is marked immutable.
    /// </summary>
    public static IReadOnlyList<ManifestFile> CurrentFiles(IReadOnlyList<ListedFile> listed, HashingResult hashing, ISet<string>? immutableUrlPaths = null)
    {
        var current = new ManifestFile[listed.Count];
        for (var i = 0; i < current.Length; i++)
        {
            var file = listed[i];
            current[i] = new ManifestFile(file.RelativePath, file.Size, hashing.Sha256[i], file.LastWriteTimeUtc, file.UrlPath, immutableUrlPaths?.Contains(file.UrlPath) == true);
        }

        return current;
    }

    /// <summary>The hash <paramref name="manifest"/> recorded for a listed file that has not changed since; none without a manifest.</summary>
    public static Func<ListedFile, string?>? RecordedHashes(DeploymentManifest? manifest) =>
        manifest is null ? null : file => manifest.HashIfUnchanged(file.RelativePath, file.Size, file.LastWriteTimeUtc);
}
