using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>Runs a command to completion and times it from start to exit.</summary>
internal static class ProcessRunner
{
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments, each passed as is.</param>
    /// <param name="workingDirectory">Defaults to the current folder.</param>
    /// <param name="timeout">When given, the process tree is killed at this time and the result says so.</param>
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        CleanEnvironment(startInfo);
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start " + fileName);

        // Both pipes are drained at once, or a chatty child blocks on a full pipe and the timing with it.
        var standardError = process.StandardError.ReadToEndAsync();
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var timedOut = false;
        if (timeout is { } limit && !process.WaitForExit(limit))
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        stopwatch.Stop();
        return new ProcessResult(timedOut ? -1 : process.ExitCode, stopwatch.Elapsed, standardOutput.Result, standardError.Result, timedOut);
    }

    /// <summary>Whether <paramref name="command"/> is an executable on the PATH.</summary>
    public static bool IsOnPath(string command)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(folder, command)))
            {
                return true;
            }
        }

        return false;
    }

    // 'dotnet run' leaves MSBuild variables behind that would point a child 'dotnet msbuild' at the wrong SDK pieces.
    private static void CleanEnvironment(ProcessStartInfo startInfo)
    {
        var inherited = new List<string>();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            inherited.Add((string)variable.Key);
        }

        foreach (var name in inherited)
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) && !name.Equals("MSBUILDDISABLENODEREUSE", StringComparison.Ordinal))
            {
                startInfo.Environment.Remove(name);
            }
        }

        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
    }
}
