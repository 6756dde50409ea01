using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>
/// The real <c>RefreshCdnOversea</c> task in <c>dotnet msbuild</c>, as a build runs it: a dry run of the
/// <c>CdnRefresh</c> target over the tree (list, load the baseline, hash, diff, map and batch the URLs, log), its time
/// taken from <c>-clp:PerformanceSummary</c> exactly as GetFileHash's is. The project imports the package's .props and
/// .targets from the <c>package/</c> layout next to this program, so the task assembly is the one the package picks
/// for <c>dotnet msbuild</c>. With <c>-nodeReuse:false</c> and one project the task runs in the <c>dotnet</c> process
/// itself, so that process's peak resident memory is MSBuild's; the same command with <c>-p:CdnRefresh=false</c>, which
/// skips the target, gives MSBuild's peak without the task.
/// </summary>
internal sealed class TaskInMSBuildContender
{
    private static readonly Regex TaskLine = new(@"^\s*(?<ms>\d+)\s+ms\s+RefreshCdnOversea\s+\d+\s+calls", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex HashedCount = new(@"CdnRefresh: .*, (?<hashed>\d+) hashed, ", RegexOptions.CultureInvariant);

    /// <summary>The name the project is given when the endpoints file lies beside it, as the web SDK writes it beside the app.</summary>
    private const string NameWithEndpointsFile = "with-endpoints";

    private readonly string _projectPath;

    public TaskInMSBuildContender(string workFolder)
    {
        var layout = PackageLayout;
        _projectPath = Path.Combine(workFolder, "task-in-msbuild.proj");
        File.WriteAllText(_projectPath, $"""
            <Project>
              <Import Project="{Path.Combine(layout, "build", "Qcloud.CdnRefresh.Build.props")}" />
              <PropertyGroup>
                <BaseIntermediateOutputPath>{Path.Combine(workFolder, "obj")}/</BaseIntermediateOutputPath>
              </PropertyGroup>
              <Import Project="{Path.Combine(layout, "build", "Qcloud.CdnRefresh.Build.targets")}" />
            </Project>
            """);
    }

    public static bool IsAvailable => ProcessRunner.IsOnPath("dotnet") && Directory.Exists(PackageLayout);

    /// <summary>The package's build/ and tasks/ folders, staged by the benchmark's project at build time.</summary>
    public static string PackageLayout => Path.Combine(AppContext.BaseDirectory, "package");

    /// <summary>Where <see cref="Run"/> with <c>withEndpointsFile</c> has the task find the static web assets endpoints file.</summary>
    public string EndpointsFilePath => Path.Combine(Path.GetDirectoryName(_projectPath)!, NameWithEndpointsFile + ".staticwebassets.endpoints.json");

    /// <param name="tree">The content root.</param>
    /// <param name="manifestPath">The baseline the task reads (a dry run never writes it).</param>
    /// <param name="expectedHashed">Files the run must have read: every file for a full run, none for a rerun.</param>
    /// <param name="withEndpointsFile">Whether the task reads the file at <see cref="EndpointsFilePath"/>; otherwise it finds none.</param>
    public InMSBuildSample Run(SyntheticTree tree, string manifestPath, int expectedHashed, bool withEndpointsFile = false)
    {
        var arguments = Arguments(tree, manifestPath, runTarget: true);
        if (withEndpointsFile)
        {
            arguments.Add("-p:AssemblyName=" + NameWithEndpointsFile);
        }

        var (result, peakBytes) = PeakMemory.Run("dotnet", arguments, Path.GetDirectoryName(_projectPath));
        result.EnsureSucceeded("dotnet msbuild -t:CdnRefresh (dry run)");
        var hashed = HashedCount.Match(result.StandardOutput);
        if (!hashed.Success || int.Parse(hashed.Groups["hashed"].Value, CultureInfo.InvariantCulture) != expectedHashed)
        {
            throw new InvalidOperationException($"Expected a summary line with {expectedHashed} hashed:\n" + result.StandardOutput);
        }

        var match = TaskLine.Match(result.StandardOutput);
        if (!match.Success)
        {
            throw new InvalidOperationException("No RefreshCdnOversea line in MSBuild's performance summary:\n" + result.StandardOutput);
        }

        return new InMSBuildSample(TimeSpan.FromMilliseconds(int.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture)), peakBytes);
    }

    /// <summary>The same command with <c>-p:CdnRefresh=false</c>: MSBuild's peak memory when the target is skipped.</summary>
    public long? PeakWithTargetSkipped(SyntheticTree tree, string manifestPath)
    {
        var (result, peakBytes) = PeakMemory.Run("dotnet", Arguments(tree, manifestPath, runTarget: false), Path.GetDirectoryName(_projectPath));
        result.EnsureSucceeded("dotnet msbuild -t:CdnRefresh -p:CdnRefresh=false");
        if (TaskLine.IsMatch(result.StandardOutput))
        {
            throw new InvalidOperationException("RefreshCdnOversea ran although CdnRefresh was false:\n" + result.StandardOutput);
        }

        return peakBytes;
    }

    private List<string> Arguments(SyntheticTree tree, string manifestPath, bool runTarget) => new()
    {
        "msbuild", _projectPath, "-t:CdnRefresh", "-nodeReuse:false", "-nologo", "-v:m", "-clp:PerformanceSummary",
        "-p:CdnRefresh=" + (runTarget ? "true" : "false"), "-p:CdnRefreshDryRun=true", "-p:CdnRefreshBaseUrl=" + ChangeDetectionPass.BaseUrlText,
        "-p:CdnRefreshContentRoot=" + tree.Root, "-p:CdnRefreshManifest=" + manifestPath,
    };
}
