using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// Builds the manifest a run leaves behind. The invariant, after any run that is not a dry run:
/// <code>
///   manifest.files       = the current files
///   manifest.pendingUrls = planned URLs − URLs of accepted batches
/// </code>
/// and the next run plans <c>changes since manifest.files ∪ manifest.pendingUrls</c>. Together this means nothing is lost
/// (a URL leaves the owed set only when a batch containing it was accepted, however many runs fail in between, because
/// each plan re-includes what the baseline owed) and nothing is sent twice (an accepted URL is neither owed nor, its file
/// now being in the baseline, a change again). Runs that crash before saving keep the old manifest: their changes are
/// still changes next time, so the worst case is a URL sent twice, never one lost.
/// </summary>
internal static class ManifestUpdater
{
    /// <summary>Decides whether and what to write after a run that is not a dry run (a dry run writes nothing).</summary>
    /// <param name="previous">The baseline the plan was made from, or null when there was none.</param>
    /// <param name="currentFiles">The content root as it is now.</param>
    /// <param name="baseUrls">This run's <c>CdnRefreshBaseUrl</c> entries, recorded in ordinal order whatever their order here.</param>
    /// <param name="plannedUrls"><see cref="RefreshPlan.Urls"/>.</param>
    /// <param name="acceptedUrls">The URLs of every batch the API accepted (failed and unsent batches left out).</param>
    /// <param name="utcNow">The clock, for <see cref="DeploymentManifest.UpdatedUtc"/>.</param>
    public static ManifestUpdate Decide(
        DeploymentManifest? previous,
        IReadOnlyList<ManifestFile> currentFiles,
        IReadOnlyList<BaseUrl> baseUrls,
        IReadOnlyCollection<string> plannedUrls,
        IEnumerable<string> acceptedUrls,
        DateTime utcNow)
    {
        var accepted = new HashSet<string>(acceptedUrls, StringComparer.Ordinal);
        var notAccepted = plannedUrls.Where(url => !accepted.Contains(url)).ToList();
        var next = new DeploymentManifest(baseUrls.Select(baseUrl => baseUrl.Value), currentFiles, notAccepted, utcNow);

        if (plannedUrls.Count == 0)
        {
            // Nothing was sent, but added files (not refreshed by default), a 'none' first run or touched timestamps
            // still change the state worth recording; an identical state is not rewritten, to keep the file stable.
            return previous is not null && previous.HasSameContentAs(next)
                ? new(null, "Nothing to refresh and nothing changed: the manifest is left as it is.")
                : new(next, "Nothing to refresh: the manifest records the current files.");
        }

        return notAccepted.Count == 0
            ? new(next, $"All {plannedUrls.Count} URLs were accepted: the manifest records the current files.")
            : new(next, $"{notAccepted.Count} of {plannedUrls.Count} URLs were not accepted: the manifest owes them to the next run.");
    }
}
