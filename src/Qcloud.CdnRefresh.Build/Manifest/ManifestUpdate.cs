namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>The outcome of <see cref="ManifestUpdater.Decide"/>: the manifest to save, or why none is saved.</summary>
internal sealed class ManifestUpdate
{
    public ManifestUpdate(DeploymentManifest? manifest, string reason)
    {
        Manifest = manifest;
        Reason = reason;
    }

    /// <summary>The manifest to save, or null when the run must not write one.</summary>
    public DeploymentManifest? Manifest { get; }

    public bool ShouldWrite => Manifest is not null;

    /// <summary>Why it is (not) written, for a low-importance log line.</summary>
    public string Reason { get; }
}
