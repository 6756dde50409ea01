using System;
using System.Collections.Generic;
using System.IO;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>Generates each tree, measures every contender on it, measures the publish overhead, prints the report.</summary>
internal sealed class BenchmarkRunner
{
    private const int GetFileHashRounds = 3;

    private readonly BenchmarkOptions _options;
    private readonly TextWriter _output;

    public BenchmarkRunner(BenchmarkOptions options, TextWriter output)
    {
        _options = options;
        _output = output;
    }

    public void Run()
    {
        var work = Path.Combine(_options.WorkRoot, "cdn-refresh-benchmark-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(work);
        try
        {
            var trees = new List<TreeMeasurement>();
            foreach (var size in _options.Sizes)
            {
                trees.Add(MeasureTree(size, Path.Combine(work, size.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            }

            EndpointsFileResult? endpoints = null;
            if (_options.Endpoints > 0)
            {
                Progress($"reading a {_options.Endpoints:N0}-endpoint static web assets file");
                endpoints = EndpointsFileMeasurement.Measure(Path.Combine(work, "endpoints"), _options.Endpoints, Math.Max(9, _options.Repetitions));
            }

            PublishOverheadResult? publish = null;
            if (_options.MeasurePublish)
            {
                Progress("publishing samples/SampleSite without and with the dry run");
                publish = new PublishOverhead(RepositoryRoot.Find()).Measure(_options.Repetitions);
            }

            var report = ResultReport.Render(trees, publish, endpoints, _options);
            _output.Write(report);
            if (_options.OutputFolder is { } outputFolder)
            {
                Directory.CreateDirectory(outputFolder);
                File.WriteAllText(Path.Combine(outputFolder, "results.md"), report);
            }
        }
        finally
        {
            if (_options.KeepTrees)
            {
                Progress("kept " + work);
            }
            else
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private TreeMeasurement MeasureTree(int fileCount, string folder)
    {
        Progress($"{fileCount:N0} files: generating");
        var tree = SyntheticTree.Generate(Path.Combine(folder, "site"), fileCount, seed: fileCount);

        // Written-back pages cannot be flushed mid-measurement by the kernel's writeback and skew one contender.
        ProcessRunner.Run("sync", Array.Empty<string>());

        // One pass in this process reads every file (from here on every contender finds the tree in the page cache)
        // and records the tree, from which the baseline is derived.
        var currentManifest = Path.Combine(folder, "current.manifest.json");
        ChangeDetectionPass.Run(tree.Root, currentManifest);
        var baseline = Path.Combine(folder, "baseline.manifest.json");
        var changed = BaselineBuilder.Write(currentManifest, baseline, seed: fileCount);
        var manifest = Path.Combine(folder, "manifest.json");
        Progress($"{fileCount:N0} files, {tree.TotalBytes / (1024.0 * 1024):N0} MB, {changed} changed in the baseline: warming up");

        var getFileHash = _options.MeasureGetFileHash && GetFileHashContender.IsAvailable ? new GetFileHashContender(folder) : null;
        var sha256sum = Sha256sumContender.IsAvailable;
        var inMSBuild = TaskInMSBuildContender.IsAvailable ? new TaskInMSBuildContender(folder) : null;
        var withEndpoints = inMSBuild is not null && _options.Endpoints > 0;
        if (withEndpoints)
        {
            File.WriteAllText(inMSBuild!.EndpointsFilePath, EndpointsFileMeasurement.Generate(_options.Endpoints));
        }

        // One untimed round, so that every contender starts warm (the tree is in the page cache already; this warms the
        // host's own files). GetFileHash's MSBuild start-up is outside its measured task time, so it needs none.
        DetectionContender.RunFull(tree, baseline, manifest);
        DetectionContender.RunUnchanged(tree, manifest);
        inMSBuild?.Run(tree, baseline, expectedHashed: tree.FileCount);
        if (withEndpoints)
        {
            inMSBuild!.Run(tree, baseline, expectedHashed: tree.FileCount, withEndpointsFile: true);
        }
        if (sha256sum)
        {
            Sha256sumContender.Run(tree);
        }

        var full = new List<DetectionSample>();
        var unchanged = new List<DetectionSample>();
        var inMSBuildFull = new List<InMSBuildSample>();
        var inMSBuildWithEndpoints = new List<TimeSpan>();
        var inMSBuildUnchanged = new List<TimeSpan>();
        var peakTargetSkipped = new List<long>();
        var sums = new List<TimeSpan>();
        var fileHashes = new List<GetFileHashSample>();
        for (var round = 1; round <= _options.Repetitions; round++)
        {
            // Contenders take turns within a round, so a burst of load from elsewhere hits all of them alike.
            Progress($"{fileCount:N0} files: round {round} of {_options.Repetitions}");
            full.Add(DetectionContender.RunFull(tree, baseline, manifest));
            unchanged.Add(DetectionContender.RunUnchanged(tree, manifest));
            if (inMSBuild is not null)
            {
                // A dry run writes no manifest: the baseline serves every full run, the finished run's manifest every rerun.
                inMSBuildFull.Add(inMSBuild.Run(tree, baseline, expectedHashed: tree.FileCount));
                if (withEndpoints)
                {
                    inMSBuildWithEndpoints.Add(inMSBuild.Run(tree, baseline, expectedHashed: tree.FileCount, withEndpointsFile: true).TaskTime);
                }

                inMSBuildUnchanged.Add(inMSBuild.Run(tree, manifest, expectedHashed: 0).TaskTime);
                if (inMSBuild.PeakWithTargetSkipped(tree, baseline) is { } skipped)
                {
                    peakTargetSkipped.Add(skipped);
                }
            }

            if (sha256sum)
            {
                sums.Add(Sha256sumContender.Run(tree));
            }

            // GetFileHash takes 10-100 times longer than the others (see the report): three runs give its median, and
            // after one that hit the time limit the next ones would only hit it again.
            if (getFileHash is not null && round <= GetFileHashRounds && !fileHashes.Exists(s => s.TimedOut))
            {
                fileHashes.Add(getFileHash.Run(tree));
            }
        }

        if (!_options.KeepTrees)
        {
            Directory.Delete(folder, recursive: true);
        }

        return new TreeMeasurement(fileCount, tree.TotalBytes, inMSBuildFull, inMSBuildWithEndpoints, inMSBuildUnchanged, peakTargetSkipped, full, unchanged, sums, Sha256sumContender.Describe(tree), fileHashes);
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
