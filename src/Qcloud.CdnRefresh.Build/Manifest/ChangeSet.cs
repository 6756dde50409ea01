namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>How the current files differ from the baseline. Each list is sorted ordinally by relative path.</summary>
/// <param name="Modified">Current entries whose path is in the baseline with a different size or SHA-256.</param>
/// <param name="Deleted">Baseline entries whose path no longer exists; their recorded URL path is what must be refreshed.</param>
/// <param name="Added">Current entries whose path is not in the baseline.</param>
internal sealed record ChangeSet(
    IReadOnlyList<ManifestFile> Modified,
    IReadOnlyList<ManifestFile> Deleted,
    IReadOnlyList<ManifestFile> Added);
