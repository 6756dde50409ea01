using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace Qcloud.CdnRefresh.Build.Tests.Release;

/// <summary>Runs one of the release workflow's scripts (<c>.github/scripts/</c>) with bash, as the workflow does.</summary>
internal static class ScriptRunner
{
    /// <summary>Git's bash on Windows (a bare "bash" there may be WSL's), the one on the PATH elsewhere.</summary>
    private static readonly string Bash = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
        ? Path.Combine(Environment.GetEnvironmentVariable("ProgramFiles") ?? @"C:\Program Files", "Git", "bin", "bash.exe")
        : "bash";

    public static (int ExitCode, string Output, string Error) Run(string script, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Bash)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, ".github", "scripts", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(30_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(script + " did not finish");
        }

        return (process.ExitCode, output, error.Result);
    }
}
