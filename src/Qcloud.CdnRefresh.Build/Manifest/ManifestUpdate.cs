namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>The outcome of <see cref="ManifestUpdater.Decide"/>: the manifest to save (null when the run writes none) and why, for a low-importance log line.</summary>
internal sealed record ManifestUpdate(DeploymentManifest? Manifest, string Reason);
