using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>
/// MSBuild's own <c>GetFileHash</c> (SHA256) over the same files, globbed into items by a tiny project. The time
/// taken is the task's line of <c>-clp:PerformanceSummary</c>: hashing and setting metadata only, without MSBuild's
/// start-up and without the glob, which favours GetFileHash (the task's figure includes its listing and manifest).
/// </summary>
internal sealed class GetFileHashContender
{
    private const string ProjectText = """
        <Project>
          <Target Name="HashTree">
            <ItemGroup>
              <TreeFile Include="$(TreeRoot)/**" />
            </ItemGroup>
            <GetFileHash Files="@(TreeFile)" Algorithm="SHA256" />
          </Target>
        </Project>
        """;

    private static readonly Regex TaskLine = new(@"^\s*(?<ms>\d+)\s+ms\s+GetFileHash\s+\d+\s+calls", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private readonly string _projectPath;

    public GetFileHashContender(string workFolder)
    {
        _projectPath = Path.Combine(workFolder, "get-file-hash.proj");
        File.WriteAllText(_projectPath, ProjectText);
    }

    public static bool IsAvailable => ProcessRunner.IsOnPath("dotnet");

    /// <summary>
    /// Longest a run may take. GetFileHash blocks on <c>ComputeHashAsync(...).Result</c> inside <c>Parallel.For</c>; on
    /// two cores that starves the thread pool (hundreds of threads, almost no CPU), and on the 50,000-file tree a run
    /// did not end within minutes. It is then stopped and reported as "more than" this.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public GetFileHashSample Run(SyntheticTree tree)
    {
        var result = ProcessRunner.Run(
            "dotnet",
            new[] { "msbuild", _projectPath, "-nodeReuse:false", "-nologo", "-v:q", "-clp:PerformanceSummary", "-p:TreeRoot=" + tree.Root },
            Path.GetDirectoryName(_projectPath),
            Timeout);
        if (result.TimedOut)
        {
            return new GetFileHashSample(result.Elapsed, result.Elapsed, TimedOut: true);
        }

        result.EnsureSucceeded("dotnet msbuild (GetFileHash)");
        var match = TaskLine.Match(result.StandardOutput);
        if (!match.Success)
        {
            throw new InvalidOperationException("No GetFileHash line in MSBuild's performance summary:\n" + result.StandardOutput);
        }

        return new GetFileHashSample(TimeSpan.FromMilliseconds(int.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture)), result.Elapsed);
    }
}
