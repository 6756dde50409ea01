using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>The printed result: Markdown tables with medians and ratios, then each target with its verdict.</summary>
internal static class ResultReport
{
    private const double MiB = 1024 * 1024;

    public static string Render(IReadOnlyList<TreeMeasurement> trees, PublishOverheadResult? publish, EndpointsFileResult? endpoints, BenchmarkOptions options)
    {
        var text = new StringBuilder();
        Line(text, "## Change detection benchmark");
        Line(text, string.Empty);
        Line(text, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; "
            + $"median of {options.Repetitions} runs each, contenders taking turns; every tree in the page cache (warm) for every contender.");
        Line(text, string.Empty);
        Line(text, "| Files | Data | This task, full | sha256sum -P | task ÷ sha256sum | GetFileHash | GetFileHash ÷ task | No-change rerun "
            + "| MSBuild peak, target skipped | MSBuild peak, dry run | Added by the dry run |");
        Line(text, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var tree in trees)
        {
            var full = FullDetection(tree);
            var sums = MedianOrNull(tree.Sha256sum);
            var fileHash = MedianOrNull(tree.GetFileHash.Select(s => s.TaskTime).ToList());
            var atLeast = tree.GetFileHash.Any(s => s.TimedOut) ? "> " : string.Empty;
            var (skipped, dryRun) = (MedianPeak(tree.PeakTargetSkipped), MedianPeak(tree.InMSBuildFull.Select(s => s.PeakRssBytes)));
            Line(text, $"| {tree.FileCount:N0} | {tree.TotalBytes / MiB:N0} MB | {Seconds(full)} | {Seconds(sums)} | {Ratio(full, sums)} | {atLeast}{Seconds(fileHash)} | {atLeast}{Ratio(fileHash, full)} "
                + $"| {Seconds(MedianOrNull(tree.InMSBuildUnchanged))} | {Megabytes(skipped)} | {Megabytes(dryRun)} | {SignedMegabytes(dryRun - skipped)} |");
        }

        Line(text, string.Empty);
        Line(text, "- *This task*: `RefreshCdnOversea` in `dotnet msbuild`, from the net8.0 assembly that the package's .props pick for it; "
            + "a dry run of the `CdnRefresh` target: list, load the 1%-changed baseline (every modification time differs, as on a fresh CI checkout, so every file is read), "
            + "hash, diff, map and batch the URLs, log. Its own time from `-clp:PerformanceSummary`, as GetFileHash's; a dry run writes no manifest (the pass below does).");
        Line(text, $"- *sha256sum -P*: wall time of `{trees.LastOrDefault()?.Sha256sumCommand ?? "find | xargs sha256sum"}` (GNU coreutils; -n spreads small trees over every core).");
        Line(text, "- *GetFileHash*: MSBuild's task (SHA256) over the same files as items; its own time from `-clp:PerformanceSummary`, so without MSBuild start-up and without the glob; "
            + $"median of up to 3 runs. It blocks on ComputeHashAsync(...).Result inside Parallel.For and starves the thread pool on 2 cores; a run is stopped after {GetFileHashContender.Timeout.TotalSeconds:0} s (\"> \": a lower bound).");
        Line(text, "- *No-change rerun*: the same dry run on the manifest a finished run left: nothing hashed, nothing planned.");
        Line(text, "- *MSBuild peak*: peak resident memory of the `dotnet msbuild` process (`/usr/bin/time -f %M`), median of the runs: the full dry run, "
            + "and the same command with `-p:CdnRefresh=false`, which skips the target; *added by the dry run* is the difference.");
        Line(text, string.Empty);

        Line(text, $"The task's classes alone, in a fresh process (`{DetectOnlyMode.Switch}`, loading the net8.0 assembly): "
            + "nothing of the framework is warm, as it is in MSBuild's process; lock, list, load, hash, plan and save the new manifest.");
        Line(text, string.Empty);
        Line(text, "| Files | Full | ÷ sha256sum | No-change rerun | Peak RSS, full | of which above start | Allocated, full |");
        Line(text, "|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var tree in trees)
        {
            var full = Median.Of(tree.Full.Select(s => s.Elapsed));
            Line(text, $"| {tree.FileCount:N0} | {Seconds(full)} | {Ratio(full, MedianOrNull(tree.Sha256sum))} | {Seconds(Median.Of(tree.Unchanged.Select(s => s.Elapsed)))} "
                + $"| {Megabytes(PeakOf(tree.Full))} | {Megabytes(tree.Full.Max(s => s.PeakAboveStartBytes))} | {Median.Of(tree.Full.Select(s => (double)s.AllocatedBytes)) / MiB:N0} MB |");
        }

        Line(text, string.Empty);
        Line(text, "- *Peak RSS*: the child's `VmHWM` (whole .NET process, runtime included), largest of the runs; *above start*: that peak less the child's `VmRSS` "
            + "before the pass (the bare runtime, which MSBuild's process has anyway); *Allocated*: managed bytes allocated in all (median).");
        Line(text, string.Empty);

        Line(text, "Steps of that pass (median ms): full run | no-change rerun; and the whole child process including .NET start-up.");
        Line(text, string.Empty);
        Line(text, "| Files | list | load | hash | plan | save | process | rerun: list | load | hash | plan | save | process |");
        Line(text, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var tree in trees)
        {
            Line(text, $"| {tree.FileCount:N0} | {Phases(tree.Full)} | {Phases(tree.Unchanged)} |");
        }

        if (publish is not null)
        {
            RenderPublish(text, publish);
        }

        RenderTargets(text, trees, publish, endpoints, options);
        return text.ToString();
    }

    private static void RenderPublish(StringBuilder text, PublishOverheadResult publish)
    {
        var plain = Median.Of(publish.Plain.Select(s => s.Elapsed));
        var dryRun = Median.Of(publish.WithDryRun.Select(s => s.Elapsed));
        var plainPeak = PeakOf(publish.Plain);
        var dryRunPeak = PeakOf(publish.WithDryRun);
        var taskTimes = publish.WithDryRun.Where(s => s.RefreshTaskTime.HasValue).Select(s => s.RefreshTaskTime!.Value).ToList();
        Line(text, string.Empty);
        Line(text, "`dotnet publish samples/SampleSite -c Release --no-restore -nodeReuse:false` (median wall time; peak RSS of the largest process, largest of the runs, from /usr/bin/time):");
        Line(text, string.Empty);
        Line(text, "| | Wall time | Peak RSS | RefreshCdnOversea task |");
        Line(text, "|---|---:|---:|---:|");
        Line(text, $"| publish | {Seconds(plain)} | {Megabytes(plainPeak)} | – |");
        Line(text, $"| publish -p:CdnRefresh=true -p:CdnRefreshDryRun=true | {Seconds(dryRun)} | {Megabytes(dryRunPeak)} | {Seconds(taskTimes.Count == 0 ? null : Median.Of(taskTimes))} |");
        Line(text, $"| added by the dry run | {SignedSeconds(dryRun - plain)} ({(dryRun.TotalSeconds / plain.TotalSeconds - 1) * 100:+0.0;-0.0}%) | {SignedMegabytes(dryRunPeak - plainPeak)} | |");
    }

    private static void RenderTargets(StringBuilder text, IReadOnlyList<TreeMeasurement> trees, PublishOverheadResult? publish, EndpointsFileResult? endpoints, BenchmarkOptions options)
    {
        Line(text, string.Empty);
        Line(text, $"The floor ({Environment.ProcessorCount}-core machine):");
        Line(text, string.Empty);
        foreach (var size in new[] { 10_000, 50_000 })
        {
            var tree = trees.FirstOrDefault(t => t.FileCount == size);
            if (tree is not null && FullDetection(tree) is { } task && MedianOrNull(tree.Sha256sum) is { } sum)
            {
                var ratio = task.TotalSeconds / sum.TotalSeconds;
                var pass = Median.Of(tree.Full.Select(s => s.Elapsed)).TotalSeconds / sum.TotalSeconds;
                Verdict(text, ratio <= 1.0, $"{size:N0} files: full detection in dotnet msbuild ÷ parallel sha256sum = {ratio:0.00} (target ≤ 1.00; the fresh-process pass: {pass:0.00})");
            }
            else
            {
                Line(text, $"- NOT MEASURED: {size:N0} files: full detection in dotnet msbuild ÷ parallel sha256sum{Missing(tree)}");
            }
        }

        var tenThousand = trees.FirstOrDefault(t => t.FileCount == 10_000);
        if (tenThousand is not null && MedianOrNull(tenThousand.InMSBuildUnchanged) is { } rerun)
        {
            var pass = Median.Of(tenThousand.Unchanged.Select(s => s.Elapsed));
            Verdict(text, rerun < TimeSpan.FromSeconds(0.5), $"10,000 files: no-change rerun in dotnet msbuild {Seconds(rerun)} (target < 0.5 s; the fresh-process pass: {Seconds(pass)})");
        }
        else
        {
            Line(text, $"- NOT MEASURED: 10,000 files: no-change rerun in dotnet msbuild{Missing(tenThousand)}");
        }

        var fiftyThousand = trees.FirstOrDefault(t => t.FileCount == 50_000);
        var withTask = fiftyThousand is null ? null : MedianPeak(fiftyThousand.InMSBuildFull.Select(s => s.PeakRssBytes));
        var skipped = fiftyThousand is null ? null : MedianPeak(fiftyThousand.PeakTargetSkipped);
        if (fiftyThousand is not null && withTask is { } peak && skipped is { } bare)
        {
            Verdict(text, peak - bare <= 150 * MiB, $"50,000 files ({fiftyThousand.TotalBytes / MiB:N0} MB): the dry run adds {SignedMegabytes(peak - bare)} to MSBuild's peak memory "
                + $"({Megabytes(peak)} with the task, {Megabytes(bare)} with the target skipped; target ≤ 150 MB; "
                + $"the fresh-process pass: {Megabytes(fiftyThousand.Full.Max(s => s.PeakAboveStartBytes))} above the bare runtime)");
        }
        else
        {
            var reason = fiftyThousand is null || fiftyThousand.InMSBuildFull.Count == 0 ? Missing(fiftyThousand) : " (needs /usr/bin/time, Debian package `time`)";
            Line(text, $"- NOT MEASURED: 50,000 files: peak memory the dry run adds to MSBuild{reason}");
        }

        Line(text, string.Empty);
        Line(text, "Beyond the floor (information):");
        Line(text, string.Empty);
        foreach (var tree in trees)
        {
            if (FullDetection(tree) is { } detection && tree.GetFileHash.Count > 0)
            {
                var ratio = Median.Of(tree.GetFileHash.Select(s => s.TaskTime)).TotalSeconds / detection.TotalSeconds;
                var atLeast = tree.GetFileHash.Any(s => s.TimedOut) ? "more than " : string.Empty;
                Line(text, $"- {tree.FileCount:N0} files: GetFileHash ÷ full detection = {atLeast}{ratio:0.00}");
            }
        }

        if (publish is not null)
        {
            var added = Median.Of(publish.WithDryRun.Select(s => s.Elapsed)) - Median.Of(publish.Plain.Select(s => s.Elapsed));
            Line(text, $"- the dry run adds {SignedSeconds(added)} to publishing the sample");
        }

        foreach (var tree in trees)
        {
            if (FullDetection(tree) is { } without && MedianOrNull(tree.InMSBuildWithEndpoints) is { } with)
            {
                Line(text, $"- {tree.FileCount:N0} files: full detection in dotnet msbuild with a {options.Endpoints:N0}-endpoint static web assets file to read: "
                    + $"{Seconds(with)} against {Seconds(without)} without ({SignedSeconds(with - without)})");
            }
        }

        if (endpoints is not null)
        {
            Line(text, $"- reading a {endpoints.Endpoints:N0}-endpoint static web assets file ({endpoints.Bytes / (1024.0 * 1024):0.0} MB, {endpoints.ImmutableRoutes:N0} immutable routes): {endpoints.ColdMedian.TotalMilliseconds:0} ms as the first read in a fresh process, {endpoints.WarmMedian.TotalMilliseconds:0} ms once the reader's code is compiled");
        }
    }

    private static string Missing(TreeMeasurement? tree) =>
        tree is null ? " (no tree of that size in this run)" : " (no dotnet msbuild or no sha256sum here)";

    private static TimeSpan? FullDetection(TreeMeasurement tree) => MedianOrNull(tree.InMSBuildFull.Select(s => s.TaskTime).ToList());

    private static long? MedianPeak(IEnumerable<long?> peaks) => MedianPeak(peaks.OfType<long>());

    private static long? MedianPeak(IEnumerable<long> peaks)
    {
        var values = peaks.Select(p => (double)p).ToList();
        return values.Count == 0 ? null : (long)Median.Of(values);
    }

    private static string Phases(IReadOnlyList<DetectionSample> samples)
    {
        var names = new[] { "list", "load", "hash", "plan", "save" };
        var cells = names.Select(name => Median.Of(samples.Select(s => s.PhaseMilliseconds.TryGetValue(name, out var ms) ? ms : double.NaN)).ToString("0", CultureInfo.InvariantCulture));
        var process = Median.Of(samples.Select(s => s.ProcessElapsed.TotalMilliseconds)).ToString("0", CultureInfo.InvariantCulture);
        return string.Join(" | ", cells.Append(process));
    }

    private static TimeSpan? MedianOrNull(IReadOnlyCollection<TimeSpan> samples) => samples.Count == 0 ? null : Median.Of(samples);

    private static long? PeakOf(IEnumerable<DetectionSample> samples) => samples.Max(s => s.PeakRssBytes);

    private static long? PeakOf(IEnumerable<PublishSample> samples) => samples.Max(s => s.PeakRssBytes);

    private static void Verdict(StringBuilder text, bool met, string what) => Line(text, $"- {(met ? "MET" : "NOT MET")}: {what}");

    private static string Seconds(TimeSpan? value) => value is { } v ? v.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s" : "n/a";

    private static string SignedSeconds(TimeSpan value) => value.TotalSeconds.ToString("+0.000;-0.000", CultureInfo.InvariantCulture) + " s";

    private static string Ratio(TimeSpan? numerator, TimeSpan? denominator) =>
        numerator is { } n && denominator is { } d && d > TimeSpan.Zero ? (n.TotalSeconds / d.TotalSeconds).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Megabytes(long? bytes) => bytes is { } b ? (b / MiB).ToString("0", CultureInfo.InvariantCulture) + " MB" : "n/a";

    private static string SignedMegabytes(long? bytes) => bytes is { } b ? (b / MiB).ToString("+0;-0", CultureInfo.InvariantCulture) + " MB" : "n/a";

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
