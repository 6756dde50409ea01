using System;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>One <c>dotnet msbuild</c> run of GetFileHash.</summary>
/// <param name="TaskTime">The task's time from the performance summary.</param>
/// <param name="ProcessElapsed">The whole <c>dotnet msbuild</c> process: start-up, glob, task.</param>
/// <param name="TimedOut">Stopped at <see cref="GetFileHashContender.Timeout"/>: the task time is then a lower bound.</param>
internal sealed record GetFileHashSample(TimeSpan TaskTime, TimeSpan ProcessElapsed, bool TimedOut = false);
