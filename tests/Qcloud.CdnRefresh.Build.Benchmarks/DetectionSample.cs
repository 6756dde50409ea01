using System;
using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>One child run of the change detection.</summary>
/// <param name="Elapsed">Time inside the child from lock to saved manifest (JIT included, runtime start-up not).</param>
/// <param name="ProcessElapsed">Time of the whole child process, start-up included.</param>
/// <param name="PeakRssBytes">The child's <c>VmHWM</c>, or null off Linux.</param>
/// <param name="PeakAboveStartBytes">That peak less the child's <c>VmRSS</c> before the pass (the bare runtime).</param>
/// <param name="AllocatedBytes">Managed bytes the child allocated in all.</param>
/// <param name="FilesHashed">Files read and hashed.</param>
/// <param name="PlannedUrls">URLs the plan would refresh.</param>
/// <param name="PhaseMilliseconds">Time per step of <see cref="ChangeDetectionPass"/>.</param>
internal sealed record DetectionSample(
    TimeSpan Elapsed,
    TimeSpan ProcessElapsed,
    long? PeakRssBytes,
    long? PeakAboveStartBytes,
    long AllocatedBytes,
    int FilesHashed,
    int PlannedUrls,
    IReadOnlyDictionary<string, double> PhaseMilliseconds);
