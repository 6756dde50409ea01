using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>Everything measured on one synthetic tree; a contender that could not run has an empty list.</summary>
/// <param name="InMSBuildFull">The task in <c>dotnet msbuild</c>, full detection: its own time and MSBuild's peak memory.</param>
/// <param name="InMSBuildWithEndpoints">The same full detection with a generated static web assets endpoints file to read.</param>
/// <param name="InMSBuildUnchanged">The task's own time on the manifest of a finished run: nothing to read.</param>
/// <param name="PeakTargetSkipped">MSBuild's peak memory, in bytes, for the same command with the target skipped.</param>
/// <param name="Full">The task's classes alone in a fresh process (<see cref="ChangeDetectionPass"/>), full detection.</param>
/// <param name="Unchanged">The same, rerun on the manifest that full run saved.</param>
internal sealed record TreeMeasurement(
    int FileCount,
    long TotalBytes,
    IReadOnlyList<InMSBuildSample> InMSBuildFull,
    IReadOnlyList<System.TimeSpan> InMSBuildWithEndpoints,
    IReadOnlyList<System.TimeSpan> InMSBuildUnchanged,
    IReadOnlyList<long> PeakTargetSkipped,
    IReadOnlyList<DetectionSample> Full,
    IReadOnlyList<DetectionSample> Unchanged,
    IReadOnlyList<System.TimeSpan> Sha256sum,
    string Sha256sumCommand,
    IReadOnlyList<GetFileHashSample> GetFileHash);
