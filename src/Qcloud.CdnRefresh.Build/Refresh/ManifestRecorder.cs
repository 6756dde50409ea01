using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Manifest;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>
/// The manifest update: the current files, owing what was not accepted, saved locally and (with
/// <c>CdnRefreshPublishManifest</c>) into the content root. A manifest of a newer package version is left alone.
/// </summary>
internal sealed class ManifestRecorder(RefreshSettings settings, ContentScan scan, Func<DateTimeOffset> clock)
{
    /// <summary>Records the run: the planned URLs less the accepted ones stay owed.</summary>
    public ManifestUpdate Record(IReadOnlyCollection<string> plannedUrls, IEnumerable<string> acceptedUrls)
    {
        var update = ManifestUpdater.Decide(scan.Baseline.Baseline, scan.Current, settings.BaseUrls, plannedUrls, acceptedUrls, Now);
        Save(update.Manifest);
        if (update.Manifest is null && settings.PublishManifest)
        {
            // Unchanged, but a fresh publish output (or a mirroring upload) has no copy: the next baseline fetch needs one.
            ManifestStore.WritePublished(scan.ContentRoot, Build(Array.Empty<string>()));
        }

        return update;
    }

    /// <summary>Adds refreshes Tencent reported as failed to what <paramref name="written"/> owes.</summary>
    public void RecordFailed(DeploymentManifest written, IEnumerable<string> failedUrls) =>
        Save(Build(written.PendingUrls.Concat(failedUrls)));

    private DateTime Now => clock().UtcDateTime;

    private DeploymentManifest Build(IEnumerable<string> owed) => new(settings.BaseUrls.Select(baseUrl => baseUrl.Value), scan.Current, owed, Now);

    private void Save(DeploymentManifest? manifest)
    {
        if (manifest is null)
        {
            return;
        }

        if (settings.ManifestPath is not null && scan.Local.MayOverwrite)
        {
            ManifestStore.Save(Path.GetFullPath(settings.ManifestPath), manifest);
        }

        if (settings.PublishManifest)
        {
            ManifestStore.WritePublished(scan.ContentRoot, manifest);
        }
    }
}
