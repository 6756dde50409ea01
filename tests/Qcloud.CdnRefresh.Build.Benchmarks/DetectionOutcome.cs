using System;
using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>What one <see cref="ChangeDetectionPass"/> did and how long each step took.</summary>
internal sealed record DetectionOutcome(
    TimeSpan Elapsed,
    IReadOnlyList<KeyValuePair<string, TimeSpan>> Phases,
    int FilesListed,
    int FilesHashed,
    int FilesReused,
    long BytesRead,
    int PlannedUrls,
    bool ManifestWritten);
