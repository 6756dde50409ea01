using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Manifest;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>
/// The manifest update: the current files, owing what was not accepted, saved locally and (with
/// <c>CdnRefreshPublishManifest</c>) into the content root. A manifest of a newer package version is left alone.
/// </summary>
internal sealed class ManifestRecorder
{
    private readonly RefreshSettings _settings;
    private readonly ContentScan _scan;
    private readonly Func<DateTimeOffset> _clock;

    public ManifestRecorder(RefreshSettings settings, ContentScan scan, Func<DateTimeOffset> clock)
    {
        _settings = settings;
        _scan = scan;
        _clock = clock;
    }

    /// <summary>Records the run: the planned URLs less the accepted ones stay owed.</summary>
    public ManifestUpdate Record(IReadOnlyCollection<string> plannedUrls, IEnumerable<string> acceptedUrls)
    {
        var update = ManifestUpdater.Decide(_scan.Baseline.Baseline, _scan.Current, _settings.BaseUrls, plannedUrls, acceptedUrls, Now);
        Save(update.Manifest);
        if (update.Manifest is null && _settings.PublishManifest)
        {
            // Unchanged, but a fresh publish output (or a mirroring upload) has no copy: the next baseline fetch needs one.
            ManifestStore.WritePublished(_scan.ContentRoot, Build(Array.Empty<string>()));
        }

        return update;
    }

    /// <summary>Adds refreshes Tencent reported as failed to what <paramref name="written"/> owes.</summary>
    public void RecordFailed(DeploymentManifest written, IEnumerable<string> failedUrls) =>
        Save(Build(written.PendingUrls.Concat(failedUrls)));

    private DateTime Now => _clock().UtcDateTime;

    private DeploymentManifest Build(IEnumerable<string> owed) => new(_settings.BaseUrls.Select(baseUrl => baseUrl.Value), _scan.Current, owed, Now);

    private void Save(DeploymentManifest? manifest)
    {
        if (manifest is null)
        {
            return;
        }

        if (_settings.ManifestPath is not null && _scan.Local.MayOverwrite)
        {
            ManifestStore.Save(Path.GetFullPath(_settings.ManifestPath), manifest);
        }

        if (_settings.PublishManifest)
        {
            ManifestStore.WritePublished(_scan.ContentRoot, manifest);
        }
    }
}
