using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>Everything measured on one synthetic tree; a contender that could not run has an empty list.</summary>
internal sealed record TreeMeasurement(
    int FileCount,
    long TotalBytes,
    IReadOnlyList<DetectionSample> Full,
    IReadOnlyList<DetectionSample> Unchanged,
    IReadOnlyList<System.TimeSpan> Sha256sum,
    string Sha256sumCommand,
    IReadOnlyList<GetFileHashSample> GetFileHash);
