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

    public static string Render(IReadOnlyList<TreeMeasurement> trees, PublishOverheadResult? publish, BenchmarkOptions options)
    {
        var text = new StringBuilder();
        Line(text, "## Change detection benchmark");
        Line(text, string.Empty);
        Line(text, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; "
            + $"median of {options.Repetitions} runs each, contenders taking turns; every tree in the page cache (warm) for every contender.");
        Line(text, string.Empty);
        Line(text, "| Files | Data | This task, full | sha256sum -P | task ÷ sha256sum | GetFileHash | GetFileHash ÷ task | No-change rerun |");
        Line(text, "|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var tree in trees)
        {
            var full = MedianOrNull(tree.InMSBuildFull);
            var sums = MedianOrNull(tree.Sha256sum);
            var fileHash = MedianOrNull(tree.GetFileHash.Select(s => s.TaskTime).ToList());
            var atLeast = tree.GetFileHash.Any(s => s.TimedOut) ? "> " : string.Empty;
            Line(text, $"| {tree.FileCount:N0} | {tree.TotalBytes / MiB:N0} MB | {Seconds(full)} | {Seconds(sums)} | {Ratio(full, sums)} | {atLeast}{Seconds(fileHash)} | {atLeast}{Ratio(fileHash, full)} "
                + $"| {Seconds(MedianOrNull(tree.InMSBuildUnchanged))} |");
        }

        Line(text, string.Empty);
        Line(text, "- *This task*: `RefreshCdnOversea` in `dotnet msbuild`, from the net8.0 assembly that the package's .props pick for it; "
            + "a dry run of the `CdnRefresh` target: list, load the 1%-changed baseline (every modification time differs, as on a fresh CI checkout, so every file is read), "
            + "hash, diff, map and batch the URLs, log. Its own time from `-clp:PerformanceSummary`, as GetFileHash's; a dry run writes no manifest (the pass below does).");
        Line(text, $"- *sha256sum -P*: wall time of `{trees.LastOrDefault()?.Sha256sumCommand ?? "find | xargs sha256sum"}` (GNU coreutils; -n spreads small trees over every core).");
        Line(text, "- *GetFileHash*: MSBuild's task (SHA256) over the same files as items; its own time from `-clp:PerformanceSummary`, so without MSBuild start-up and without the glob; "
            + $"median of up to 3 runs. It blocks on ComputeHashAsync(...).Result inside Parallel.For and starves the thread pool on 2 cores; a run is stopped after {GetFileHashContender.Timeout.TotalSeconds:0} s (\"> \": a lower bound).");
        Line(text, "- *No-change rerun*: the same dry run on the manifest a finished run left: nothing hashed, nothing planned.");
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

        RenderTargets(text, trees, publish);
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
        Line(text, "`dotnet publish samples/SampleSite -c Release --no-restore -nodeReuse:false` (median wall time; peak RSS of the largest process, largest of the runs, from /usr/bin/time -v):");
        Line(text, string.Empty);
        Line(text, "| | Wall time | Peak RSS | RefreshCdnOversea task |");
        Line(text, "|---|---:|---:|---:|");
        Line(text, $"| publish | {Seconds(plain)} | {Megabytes(plainPeak)} | – |");
        Line(text, $"| publish -p:CdnRefresh=true -p:CdnRefreshDryRun=true | {Seconds(dryRun)} | {Megabytes(dryRunPeak)} | {Seconds(taskTimes.Count == 0 ? null : Median.Of(taskTimes))} |");
        Line(text, $"| added by the dry run | {SignedSeconds(dryRun - plain)} ({(dryRun.TotalSeconds / plain.TotalSeconds - 1) * 100:+0.0;-0.0}%) | {SignedMegabytes(dryRunPeak - plainPeak)} | |");
    }

    private static void RenderTargets(StringBuilder text, IReadOnlyList<TreeMeasurement> trees, PublishOverheadResult? publish)
    {
        Line(text, string.Empty);
        Line(text, "Targets (2-core machine):");
        Line(text, string.Empty);
        foreach (var tree in trees)
        {
            var full = MedianOrNull(tree.InMSBuildFull);
            var sums = MedianOrNull(tree.Sha256sum);
            if (full is null || sums is null)
            {
                Line(text, $"- NOT MEASURED: {tree.FileCount:N0} files: full detection ÷ parallel sha256sum ({(full is null ? "no dotnet msbuild run" : "no sha256sum")})");
            }

            if (full is { } task && sums is { } sum)
            {
                var ratio = task.TotalSeconds / sum.TotalSeconds;
                var pass = Median.Of(tree.Full.Select(s => s.Elapsed)).TotalSeconds / sum.TotalSeconds;
                Verdict(text, ratio <= 1.0, $"{tree.FileCount:N0} files: full detection ÷ parallel sha256sum = {ratio:0.00} (target ≤ 1.00; the fresh-process pass: {pass:0.00})");
            }

            if (full is { } detection && tree.GetFileHash.Count > 0)
            {
                var ratio = Median.Of(tree.GetFileHash.Select(s => s.TaskTime)).TotalSeconds / detection.TotalSeconds;
                var atLeast = tree.GetFileHash.Any(s => s.TimedOut) ? "more than " : string.Empty;
                Verdict(text, ratio >= 2.0, $"{tree.FileCount:N0} files: GetFileHash ÷ full detection = {atLeast}{ratio:0.00} (target ≥ 2.00)");
            }
        }

        if (trees.FirstOrDefault(t => t.FileCount == 10_000) is { } tenThousand && MedianOrNull(tenThousand.InMSBuildUnchanged) is { } rerun)
        {
            var pass = Median.Of(tenThousand.Unchanged.Select(s => s.Elapsed));
            Verdict(text, rerun < TimeSpan.FromSeconds(0.5), $"10,000 files: no-change rerun {Seconds(rerun)} (target < 0.5 s; the fresh-process pass: {Seconds(pass)})");
        }

        if (publish is not null)
        {
            var added = Median.Of(publish.WithDryRun.Select(s => s.Elapsed)) - Median.Of(publish.Plain.Select(s => s.Elapsed));
            Verdict(text, added < TimeSpan.FromSeconds(1), $"dry run adds {SignedSeconds(added)} to publishing the sample (target < 1 s)");
        }

        if (trees.OrderByDescending(t => t.TotalBytes).FirstOrDefault() is { } largest && PeakOf(largest.Full) is { } peak)
        {
            var aboveStart = largest.Full.Max(s => s.PeakAboveStartBytes);
            Verdict(text, peak < 100 * MiB, $"{largest.FileCount:N0} files ({largest.TotalBytes / MiB:N0} MB): peak memory of the change-detection process {Megabytes(peak)}, "
                + $"{Megabytes(aboveStart)} above the bare runtime (target < 100 MB; the verdict is on the whole process)");
        }
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
