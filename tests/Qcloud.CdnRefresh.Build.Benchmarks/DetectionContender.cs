using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>Runs <see cref="ChangeDetectionPass"/> in a child process (see <see cref="DetectOnlyMode"/>) and reads its report.</summary>
internal static class DetectionContender
{
    /// <summary>Full detection: the baseline is put back first, so every run starts from the same 1%-changed state.</summary>
    public static DetectionSample RunFull(SyntheticTree tree, string baselinePath, string manifestPath)
    {
        File.Copy(baselinePath, manifestPath, overwrite: true);
        var sample = RunChild(tree, manifestPath);
        if (sample.FilesHashed != tree.FileCount)
        {
            throw new InvalidOperationException($"A full detection hashed {sample.FilesHashed} of {tree.FileCount} files; every modification time should have differed.");
        }

        return sample;
    }

    /// <summary>A rerun on the manifest the previous full run left: nothing changed, nothing should be read.</summary>
    public static DetectionSample RunUnchanged(SyntheticTree tree, string manifestPath)
    {
        var sample = RunChild(tree, manifestPath);
        if (sample.FilesHashed != 0 || sample.PlannedUrls != 0)
        {
            throw new InvalidOperationException($"A no-change rerun hashed {sample.FilesHashed} files and planned {sample.PlannedUrls} URLs; expected none.");
        }

        return sample;
    }

    private static DetectionSample RunChild(SyntheticTree tree, string manifestPath)
    {
        var (fileName, prefix) = SelfCommand();
        var result = ProcessRunner.Run(fileName, prefix.Concat(new[] { DetectOnlyMode.Switch, tree.Root, manifestPath }))
            .EnsureSucceeded("Change detection (" + DetectOnlyMode.Switch + ")");
        var report = DetectOnlyMode.ParseReport(result.StandardOutput)
            ?? throw new InvalidOperationException("The detection child printed no report:\n" + result.StandardOutput);

        var peakKb = long.Parse(report["peakRssKb"], CultureInfo.InvariantCulture);
        var startKb = long.Parse(report["startRssKb"], CultureInfo.InvariantCulture);
        return new DetectionSample(
            TimeSpan.FromMilliseconds(double.Parse(report["elapsedMs"], CultureInfo.InvariantCulture)),
            result.Elapsed,
            peakKb < 0 ? null : peakKb * 1024,
            peakKb < 0 || startKb < 0 ? null : (peakKb - startKb) * 1024,
            long.Parse(report["allocatedKb"], CultureInfo.InvariantCulture) * 1024,
            int.Parse(report["hashed"], CultureInfo.InvariantCulture),
            int.Parse(report["urls"], CultureInfo.InvariantCulture),
            report.Where(pair => pair.Key.StartsWith("ms.", StringComparison.Ordinal))
                .ToDictionary(pair => pair.Key.Substring(3), pair => double.Parse(pair.Value, CultureInfo.InvariantCulture)));
    }

    /// <summary>This program again: its apphost when it has one, else <c>dotnet</c> with its assembly.</summary>
    /// <summary>How to start this benchmark again in a new process, for a pass that must run cold.</summary>
    public static (string FileName, IReadOnlyList<string> Prefix) SelfCommand()
    {
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark cannot find its own executable.");
        var isDotnetHost = Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isDotnetHost
            ? (processPath, new[] { Assembly.GetExecutingAssembly().Location })
            : (processPath, Array.Empty<string>());
    }
}
