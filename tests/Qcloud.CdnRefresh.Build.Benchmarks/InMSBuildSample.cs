using System;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>One <c>dotnet msbuild -t:CdnRefresh</c> dry run.</summary>
/// <param name="TaskTime">The RefreshCdnOversea task's own time from the performance summary.</param>
/// <param name="PeakRssBytes">Peak resident memory of the MSBuild process, or null without <c>/usr/bin/time</c>.</param>
internal sealed record InMSBuildSample(TimeSpan TaskTime, long? PeakRssBytes);
