using System;
using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>What loading or fetching a baseline gave: a manifest, or none with the reasons to log.</summary>
internal sealed class ManifestLoadResult
{
    private ManifestLoadResult(
        DeploymentManifest? baseline,
        IReadOnlyList<ManifestDiagnostic> warnings,
        IReadOnlyList<string> messages,
        bool mayOverwrite)
    {
        Baseline = baseline;
        Warnings = warnings;
        Messages = messages;
        MayOverwrite = mayOverwrite;
    }

    /// <summary>The baseline, or null: then every file counts as new and <c>CdnRefreshWithoutBaseline</c> applies.</summary>
    public DeploymentManifest? Baseline { get; }

    /// <summary>Coded warnings for the caller to log.</summary>
    public IReadOnlyList<ManifestDiagnostic> Warnings { get; }

    /// <summary>Informational lines (e.g. "no baseline published yet") for the caller to log at normal importance.</summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>
    /// False when the existing document was written by a newer version of the package: the run must not replace it, so
    /// a downgrade cannot destroy state that the newer version still needs.
    /// </summary>
    public bool MayOverwrite { get; }

    public static ManifestLoadResult Found(DeploymentManifest baseline) =>
        new(baseline, Array.Empty<ManifestDiagnostic>(), Array.Empty<string>(), mayOverwrite: true);

    public static ManifestLoadResult NoBaseline(string? message = null) =>
        new(null, Array.Empty<ManifestDiagnostic>(), message is null ? Array.Empty<string>() : new[] { message }, mayOverwrite: true);

    public static ManifestLoadResult Rejected(ManifestDiagnostic warning, bool mayOverwrite = true) =>
        new(null, new[] { warning }, Array.Empty<string>(), mayOverwrite);
}
