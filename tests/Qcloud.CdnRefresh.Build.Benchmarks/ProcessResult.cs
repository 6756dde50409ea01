using System;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>How a child process ended, how long it ran and what it printed.</summary>
internal sealed record ProcessResult(int ExitCode, TimeSpan Elapsed, string StandardOutput, string StandardError, bool TimedOut = false)
{
    public ProcessResult EnsureSucceeded(string what) =>
        ExitCode == 0
            ? this
            : throw new InvalidOperationException($"{what} exited with {ExitCode}:\n{StandardOutput}\n{StandardError}");
}
