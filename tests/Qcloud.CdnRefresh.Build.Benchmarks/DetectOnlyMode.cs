using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>
/// The benchmark executable re-invoked as <c>--detect-only &lt;content root&gt; &lt;manifest&gt;</c>: one change detection
/// in a fresh process (cold JIT, as in a build), reported as one <c>key=value</c> line so the parent can read the time
/// and the process's own peak memory without the parent's heap mixed in.
/// </summary>
internal static class DetectOnlyMode
{
    public const string Switch = "--detect-only";
    private const string Prefix = "DETECTION ";

    public static int Run(string contentRoot, string manifestPath)
    {
        // What the runtime alone holds before any work, which MSBuild's process has anyway: the increment is the task's.
        var startRssKb = PeakMemory.CurrentKb() ?? -1;
        var outcome = ChangeDetectionPass.Run(contentRoot, manifestPath);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("elapsedMs", Format(outcome.Elapsed.TotalMilliseconds)),
            new("peakRssKb", PeakMemory.OfThisProcessKb()?.ToString(CultureInfo.InvariantCulture) ?? "-1"),
            new("startRssKb", startRssKb.ToString(CultureInfo.InvariantCulture)),
            new("allocatedKb", (GC.GetTotalAllocatedBytes(precise: true) / 1024).ToString(CultureInfo.InvariantCulture)),
            new("listed", outcome.FilesListed.ToString(CultureInfo.InvariantCulture)),
            new("hashed", outcome.FilesHashed.ToString(CultureInfo.InvariantCulture)),
            new("reused", outcome.FilesReused.ToString(CultureInfo.InvariantCulture)),
            new("bytesRead", outcome.BytesRead.ToString(CultureInfo.InvariantCulture)),
            new("urls", outcome.PlannedUrls.ToString(CultureInfo.InvariantCulture)),
            new("manifestWritten", outcome.ManifestWritten ? "1" : "0"),
        };
        AddGcFields(fields);
        fields.AddRange(outcome.Phases.Select(p => new KeyValuePair<string, string>("ms." + p.Key, Format(p.Value.TotalMilliseconds))));
        Console.WriteLine(Prefix + string.Join(" ", fields.Select(f => f.Key + "=" + f.Value)));
        return 0;
    }

    /// <summary>
    /// What the GC holds after the pass and how often it ran: shows whether a peak is live data or garbage the
    /// workstation GC's gen0 budget lets pile up before it collects. Informational; the report does not use them.
    /// </summary>
    private static void AddGcFields(List<KeyValuePair<string, string>> fields)
    {
        var info = GC.GetGCMemoryInfo();
        fields.Add(new("gc.count", $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
        fields.Add(new("gc.heapKb", (info.HeapSizeBytes / 1024).ToString(CultureInfo.InvariantCulture)));
        fields.Add(new("gc.committedKb", (info.TotalCommittedBytes / 1024).ToString(CultureInfo.InvariantCulture)));
        fields.Add(new("gc.promotedKb", (info.PromotedBytes / 1024).ToString(CultureInfo.InvariantCulture)));
        fields.Add(new("gc.lohKb", (info.GenerationInfo[3].SizeAfterBytes / 1024).ToString(CultureInfo.InvariantCulture)));
        if (GC.GetConfigurationVariables().TryGetValue("GCgen0size", out var gen0Size))
        {
            fields.Add(new("gc.gen0sizeKb", (Convert.ToInt64(gen0Size, CultureInfo.InvariantCulture) / 1024).ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The fields of the child's report line, or null when it printed none.</summary>
    public static IReadOnlyDictionary<string, string>? ParseReport(string standardOutput)
    {
        var line = standardOutput
            .Split('\n')
            .Select(l => l.Trim())
            .LastOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        return line?.Substring(Prefix.Length)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : string.Empty, StringComparer.Ordinal);
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
