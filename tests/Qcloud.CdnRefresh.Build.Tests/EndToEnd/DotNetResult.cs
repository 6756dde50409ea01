using System;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>How one <c>dotnet</c> child ended: its exit code and its stdout and stderr, interleaved as they came.</summary>
public sealed record DotNetResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>For assertion messages: the command, the exit code and the output.</summary>
    public override string ToString() => $"> dotnet {CommandLine}\nexit code {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n{Output}";
}
