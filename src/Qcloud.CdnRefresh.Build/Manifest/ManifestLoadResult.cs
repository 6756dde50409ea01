namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>What loading or fetching a baseline gave: a manifest, or none with the reasons to log.</summary>
/// <param name="Baseline">The baseline, or null: then every file counts as new and <c>CdnRefreshWithoutBaseline</c> applies.</param>
/// <param name="Warnings">Coded warnings for the caller to log.</param>
/// <param name="Messages">Informational lines (e.g. "no baseline published yet") for the caller to log.</param>
/// <param name="MayOverwrite">False when a newer version of the package wrote the document: the run must not replace it,
/// so a downgrade cannot destroy state that the newer version still needs.</param>
internal sealed record ManifestLoadResult(
    DeploymentManifest? Baseline,
    IReadOnlyList<ManifestDiagnostic> Warnings,
    IReadOnlyList<string> Messages,
    bool MayOverwrite)
{
    public static ManifestLoadResult NoBaseline(string? message = null) => new(null, [], message is null ? [] : [message], MayOverwrite: true);

    public static ManifestLoadResult Rejected(ManifestDiagnostic warning, bool mayOverwrite = true) => new(null, [warning], [], mayOverwrite);
}
