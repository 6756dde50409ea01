using System;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>One <c>dotnet publish</c> of the sample.</summary>
/// <param name="Elapsed">Wall time of the whole command.</param>
/// <param name="PeakRssBytes">Largest single process's peak RSS, or null without <c>/usr/bin/time</c>.</param>
/// <param name="RefreshTaskTime">The RefreshCdnOversea task's own time from the performance summary, when it ran.</param>
internal sealed record PublishSample(TimeSpan Elapsed, long? PeakRssBytes, TimeSpan? RefreshTaskTime);
