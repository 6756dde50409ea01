using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>
/// What <c>-p:CdnRefresh=true -p:CdnRefreshDryRun=true</c> adds to <c>dotnet publish</c> of samples/SampleSite:
/// after one warm-up publish of each kind (which also restores), both kinds alternate with <c>--no-restore</c>, so
/// they see the same machine load, and the medians are compared. Peak memory is the largest single process of the
/// build (<see cref="PeakMemory.Run"/>).
/// </summary>
internal sealed class PublishOverhead
{
    private static readonly Regex TaskLine = new(@"^\s*(?<ms>\d+)\s+ms\s+RefreshCdnOversea\s+\d+\s+calls", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private readonly string _projectPath;

    public PublishOverhead(string repositoryRoot)
    {
        _projectPath = Path.Combine(repositoryRoot, "samples", "SampleSite", "SampleSite.csproj");
    }

    public PublishOverheadResult Measure(int repetitions)
    {
        Publish(dryRun: false, restore: true);
        Publish(dryRun: true, restore: true);

        var plain = new List<PublishSample>();
        var withDryRun = new List<PublishSample>();
        for (var i = 0; i < repetitions; i++)
        {
            // Alternating keeps a burst of load from the other users of the machine from landing on one kind only.
            plain.Add(Publish(dryRun: false, restore: false));
            withDryRun.Add(Publish(dryRun: true, restore: false));
        }

        return new PublishOverheadResult(plain, withDryRun);
    }

    private PublishSample Publish(bool dryRun, bool restore)
    {
        var publishArguments = new List<string> { "publish", _projectPath, "-c", "Release", "-nodeReuse:false", "-nologo", "-v:q", "-clp:PerformanceSummary" };
        if (!restore)
        {
            publishArguments.Add("--no-restore");
        }

        if (dryRun)
        {
            publishArguments.Add("-p:CdnRefresh=true");
            publishArguments.Add("-p:CdnRefreshDryRun=true");
        }

        var (result, peakBytes) = PeakMemory.Run("dotnet", publishArguments);
        result.EnsureSucceeded("dotnet publish" + (dryRun ? " (dry run)" : string.Empty));

        var taskMatch = TaskLine.Match(result.StandardOutput);
        if (dryRun && !taskMatch.Success)
        {
            throw new InvalidOperationException("The dry-run publish did not run RefreshCdnOversea:\n" + result.StandardOutput);
        }

        TimeSpan? taskTime = taskMatch.Success ? TimeSpan.FromMilliseconds(int.Parse(taskMatch.Groups["ms"].Value, CultureInfo.InvariantCulture)) : null;
        return new PublishSample(result.Elapsed, peakBytes, taskTime);
    }
}
