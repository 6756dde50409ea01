using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.ChangeDetection;
using Qcloud.CdnRefresh.Build.Manifest;
using Qcloud.CdnRefresh.Build.Mapping;
using Qcloud.CdnRefresh.Build.Refresh;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>
/// The change-detection half of <c>RefreshRun.RunAsync</c>, step for step with the same classes: lock, list, load the
/// local manifest, hash with its cache, plan, and save the manifest a successful run would leave behind. Only the API
/// call is missing, so the time measured here is what the task spends before (and after) talking to the CDN.
/// </summary>
internal static class ChangeDetectionPass
{
    public const string BaseUrlText = "https://www.example.com/";

    public static DetectionOutcome Run(string contentRoot, string manifestPath)
    {
        var total = Stopwatch.StartNew();
        var phases = new PhaseTimes();

        using var manifestLock = ManifestLock.Acquire(manifestPath, TimeSpan.FromMinutes(2), CancellationToken.None);
        // As ContentScan does: the manifest loads while the content root is listed; "load" is what is left to wait for.
        var loading = Task.Run(() => ManifestStore.Load(manifestPath, new[] { BaseUrl.Parse(BaseUrlText) }));
        var listed = new ContentFileLister(excludePatterns: null, new[] { manifestPath }).List(contentRoot);
        phases.Lap("list");

        var local = loading.GetAwaiter().GetResult();
        phases.Lap("load");

        var hashing = new FileHasher().Hash(listed, ContentScan.RecordedHashes(local.Baseline));
        phases.Lap("hash");

        var current = ContentScan.CurrentFiles(listed, hashing);

        // ContentScan keeps only the counts of the hashing result; so does this pass.
        var hashingStats = hashing.Stats;
        var baseUrls = new[] { BaseUrl.Parse(BaseUrlText) };
        var mapper = new UrlMapper(baseUrls[0], UrlMapper.DefaultDirectoryIndex);
        var plan = RefreshPlanner.Plan(current, local.Baseline, addedFiles: false, WithoutBaselineMode.All, baseUrls, (_, paths) => mapper.MapAll(paths));
        phases.Lap("plan");

        // As if every batch had been accepted: the manifest then records the current files, as after a good deployment.
        var update = ManifestUpdater.Decide(local.Baseline, current, baseUrls, plan.Urls, plan.Urls, DateTime.UtcNow);
        if (update.Manifest is not null && local.MayOverwrite)
        {
            ManifestStore.Save(manifestPath, update.Manifest);
        }

        phases.Lap("save");
        var elapsed = total.Elapsed;
        return new DetectionOutcome(
            elapsed,
            phases.Laps,
            listed.Count,
            hashingStats.FilesHashed,
            hashingStats.FilesReused,
            hashingStats.BytesRead,
            plan.Urls.Count,
            update.Manifest is not null);
    }

    /// <summary>Wall time per step, in the order the steps ran.</summary>
    /// <remarks>
    /// Plain arrays while the pass runs: a list of key/value pairs would be compiled at run time on its first use, inside
    /// the measured time, and count as the task's first-use cost.
    /// </remarks>
    private sealed class PhaseTimes
    {
        private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
        private readonly string[] _names = new string[8];
        private readonly TimeSpan[] _times = new TimeSpan[8];
        private int _count;

        public List<KeyValuePair<string, TimeSpan>> Laps
        {
            get
            {
                var laps = new List<KeyValuePair<string, TimeSpan>>(_count);
                for (var i = 0; i < _count; i++)
                {
                    laps.Add(new KeyValuePair<string, TimeSpan>(_names[i], _times[i]));
                }

                return laps;
            }
        }

        public void Lap(string name)
        {
            _names[_count] = name;
            _times[_count++] = _stopwatch.Elapsed;
            _stopwatch.Restart();
        }
    }
}
