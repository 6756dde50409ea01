using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// Runs one <c>dotnet</c> child in a hermetic environment: no node reuse, no build server, no telemetry, and none of the
/// CI, GitHub or Tencent Cloud variables of the machine running the tests; only what the caller sets explicitly.
/// A child that outlives <see cref="Timeout"/> is killed with its whole process tree.
/// </summary>
public static class DotNetCli
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Variables (exact names) that describe a CI system or point MSBuild at another SDK.</summary>
    private static readonly string[] RemovedNames =
    {
        "CI", "TF_BUILD", "CONTINUOUS_INTEGRATION", "GITLAB_CI", "JENKINS_URL", "TEAMCITY_VERSION", "APPVEYOR",
        "TRAVIS", "CIRCLECI", "BUILDKITE", "CODEBUILD_BUILD_ID", "BITBUCKET_BUILD_NUMBER",
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly",
        "DOTNET_HOST_PATH",
    };

    /// <summary>Prefixes of variables that must not leak from the test host into the child.</summary>
    private static readonly string[] RemovedPrefixes =
    {
        "GITHUB_", "TENCENTCLOUD_", "RUNNER_", "ACTIONS_", "BUILD_", "SYSTEM_", "AGENT_", "MSBUILD",
    };

    /// <summary>Runs <c>dotnet <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>.</summary>
    /// <param name="timeout">How long the child may run; <see cref="Timeout"/> unless a command is known to take longer.</param>
    public static DotNetResult Run(string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Timeout;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Sanitize(start.Environment);
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            start.Environment[pair.Key] = pair.Value;
        }

        var commandLine = string.Join(" ", arguments);
        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        using var stdoutClosed = new ManualResetEventSlim();
        using var stderrClosed = new ManualResetEventSlim();
        process.OutputDataReceived += (_, e) => Append(output, e.Data, stdoutClosed);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data, stderrClosed);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended between the timeout and the kill.
            }

            process.WaitForExit(TimeSpan.FromSeconds(10));
            throw new TimeoutException($"dotnet {commandLine} did not end within {limit.TotalMinutes} minutes and was killed. Output so far:\n{Snapshot(output)}");
        }

        // The child is gone; give the readers a moment to drain what it wrote last (a grandchild holding the pipes must not hang us).
        WaitHandle.WaitAll(new[] { stdoutClosed.WaitHandle, stderrClosed.WaitHandle }, TimeSpan.FromSeconds(10));
        return new DotNetResult(commandLine, process.ExitCode, Snapshot(output), stopwatch.Elapsed);
    }

    private static void Sanitize(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.ToList())
        {
            if (RemovedNames.Contains(name, StringComparer.OrdinalIgnoreCase)
                || RemovedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                environment.Remove(name);
            }
        }

        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1";
        // No compiler server: it would outlive the test run and could hold the output pipes open.
        environment["UseSharedCompilation"] = "false";
        environment["UseRazorBuildServer"] = "false";
    }

    private static void Append(StringBuilder output, string? line, ManualResetEventSlim closed)
    {
        if (line is null)
        {
            closed.Set();
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
