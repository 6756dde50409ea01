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

    public GetFileHashSample Run(SyntheticTree tree)
    {
        var result = ProcessRunner.Run(
                "dotnet",
                new[] { "msbuild", _projectPath, "-nodeReuse:false", "-nologo", "-v:q", "-clp:PerformanceSummary", "-p:TreeRoot=" + tree.Root },
                Path.GetDirectoryName(_projectPath))
            .EnsureSucceeded("dotnet msbuild (GetFileHash)");
        var match = TaskLine.Match(result.StandardOutput);
        if (!match.Success)
        {
            throw new InvalidOperationException("No GetFileHash line in MSBuild's performance summary:\n" + result.StandardOutput);
        }

        return new GetFileHashSample(TimeSpan.FromMilliseconds(int.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture)), result.Elapsed);
    }
}
