using System;
using System.Collections.Generic;
using System.Linq;
using Qcloud.CdnRefresh.Build.Manifest;
using Xunit;
using static Qcloud.CdnRefresh.Build.Tests.Manifest.ManifestTestData;

using Site = Qcloud.CdnRefresh.Build.Mapping.BaseUrl;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

public class ManifestUpdaterTests
{
    private static readonly DateTime Later = Time.AddHours(1);

    /// <summary>
    /// One whole run as the task does it: plan, send batches of <paramref name="batchSize"/> in order until one fails,
    /// decide, and "save" (a round trip through the JSON, as the next run would read it).
    /// </summary>
    private static SimulatedRun Run(
        DeploymentManifest? baseline,
        IReadOnlyList<ManifestFile> current,
        int batchSize,
        Func<int, bool> batchIsAccepted)
    {
        var plan = RefreshPlanner.Plan(current, baseline, false, WithoutBaselineMode.All, Sites, MapUrls);
        var batches = plan.Urls.Select((url, index) => (url, index)).GroupBy(pair => pair.index / batchSize, pair => pair.url).Select(batch => batch.ToArray()).ToList();
        var accepted = new List<string>();
        for (var batch = 1; batch <= batches.Count; batch++)
        {
            if (!batchIsAccepted(batch))
            {
                break; // the failed batch and every later one stay unsent
            }

            accepted.AddRange(batches[batch - 1]);
        }

        var update = ManifestUpdater.Decide(baseline, current, Sites, plan.Urls, accepted, Later);
        var next = update.Manifest is null
            ? baseline
            : ManifestReader.Parse(ManifestWriter.Serialize(update.Manifest), "m", Sites).Baseline;
        return new SimulatedRun(plan, batches, accepted, update, next);
    }

    private static ManifestFile[] Files(string version, params string[] paths) => paths.Select(p => File(p, version)).ToArray();

    [Fact]
    public void A_manifest_keeps_its_files_sorted_and_each_owed_url_once()
    {
        var manifest = new DeploymentManifest(new[] { BaseUrl }, new[] { File("b"), File("a") }, new[] { Url("x"), Url("x") }, Later);

        Assert.Equal(new[] { "a", "b" }, manifest.Files.Select(f => f.RelativePath));
        Assert.Equal(new[] { Url("x") }, manifest.PendingUrls);
        Assert.Equal(Later, manifest.UpdatedUtc);
        Assert.Equal(new[] { BaseUrl }, manifest.BaseUrls);
    }

    [Fact]
    public void Nothing_to_send_and_nothing_changed_does_not_write()
    {
        var baseline = ManifestOf(File("a"));

        var update = ManifestUpdater.Decide(baseline, new[] { File("a") }, Sites, Array.Empty<string>(), Array.Empty<string>(), Later);

        Assert.Null(update.Manifest);
    }

    [Fact]
    public void Nothing_to_send_but_an_added_file_records_it()
    {
        var run = Run(ManifestOf(File("a")), new[] { File("a"), File("new") }, 10, _ => true);

        Assert.Empty(run.Plan.Urls);
        Assert.NotNull(run.Update.Manifest);
        Assert.Equal(new[] { "a", "new" }, run.Next!.Files.Select(f => f.RelativePath));
    }

    [Fact]
    public void A_first_run_with_none_records_the_baseline_without_sending()
    {
        var current = new[] { File("a"), File("b") };
        var plan = RefreshPlanner.Plan(current, null, false, WithoutBaselineMode.None, Sites, MapUrls);

        var update = ManifestUpdater.Decide(null, current, Sites, plan.Urls, Array.Empty<string>(), Later);

        Assert.Empty(plan.Urls);
        Assert.Equal(new[] { "a", "b" }, update.Manifest!.Files.Select(f => f.RelativePath));
        Assert.Empty(update.Manifest.PendingUrls);
    }

    [Fact]
    public void Touched_timestamps_alone_are_recorded_for_the_hash_cache()
    {
        var touched = new ManifestFile("a", File("a").Size, File("a").Sha256, Later);

        var update = ManifestUpdater.Decide(ManifestOf(File("a")), new[] { touched }, Sites, Array.Empty<string>(), Array.Empty<string>(), Later);

        Assert.Equal(Later, update.Manifest!.Files[0].LastWriteTimeUtc);
    }

    [Fact]
    public void All_batches_accepted_leaves_nothing_owed()
    {
        var run = Run(ManifestOf(Files("v0", "a", "b", "c")), Files("v1", "a", "b", "c"), 2, _ => true);

        Assert.Equal(3, run.Accepted.Count);
        Assert.Empty(run.Next!.PendingUrls);
        Assert.True(run.Next.Files.SequenceEqual(Files("v1", "a", "b", "c")));
    }

    [Fact]
    public void A_failed_batch_owes_its_urls_and_those_of_every_unsent_batch()
    {
        var run = Run(ManifestOf(Files("v0", "a", "b", "c", "d", "e")), Files("v1", "a", "b", "c", "d", "e"), 2, batch => batch != 2);

        Assert.Equal(new[] { Url("a"), Url("b") }, run.Accepted);
        Assert.Equal(new[] { Url("c"), Url("d"), Url("e") }, run.Next!.PendingUrls);
        Assert.True(run.Next.Files.SequenceEqual(Files("v1", "a", "b", "c", "d", "e")));
    }

    [Fact]
    public void No_batch_accepted_records_the_current_files_and_owes_every_planned_url()
    {
        var run = Run(ManifestOf(new[] { File("a"), File("gone") }, Url("owed")), new[] { File("a", "v1") }, 1, _ => false);

        Assert.Empty(run.Accepted);
        Assert.Equal(new[] { Url("a"), Url("gone"), Url("owed") }, run.Next!.PendingUrls);
        Assert.Equal(new[] { "a" }, run.Next.Files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Pending_urls_survive_a_second_failed_run_and_are_sent_exactly_once_by_the_third()
    {
        var paths = new[] { "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l" };
        var baseline = ManifestOf(Files("v0", paths));

        // Run 1: a..i changed, batches of 3; batch 2 fails, so batch 3 is never sent.
        var run1Files = Files("v1", "a", "b", "c", "d", "e", "f", "g", "h", "i").Concat(Files("v0", "j", "k", "l")).ToArray();
        var run1 = Run(baseline, run1Files, 3, batch => batch == 1);
        Assert.Equal(new[] { Url("a"), Url("b"), Url("c") }, run1.Accepted);

        // Run 2: j and k changed too; every batch fails.
        var run2Files = Files("v1", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k").Concat(Files("v0", "l")).ToArray();
        var run2 = Run(run1.Next, run2Files, 3, _ => false);
        Assert.Empty(run2.Accepted);

        // Run 3: nothing changed since run 2; everything is accepted.
        var run3 = Run(run2.Next, run2Files, 3, _ => true);

        // d..i are run 1's batches 2 and 3, j and k run 2's own changes: written out, not taken from the planner.
        Assert.Equal(new[] { "d", "e", "f", "g", "h", "i", "j", "k" }.Select(Url), run3.Accepted);
        Assert.Empty(run3.Accepted.Intersect(run1.Batches[0]));
        Assert.Empty(run3.Next!.PendingUrls);

        // Run 4: the debt is paid and nothing changed: nothing is sent and nothing is written.
        var run4 = Run(run3.Next, run2Files, 3, _ => true);
        Assert.Empty(run4.Plan.Urls);
        Assert.Null(run4.Update.Manifest);
    }

    [Fact]
    public void A_url_accepted_before_a_failed_run_is_not_sent_again()
    {
        var run1 = Run(ManifestOf(Files("v0", "a", "b")), Files("v1", "a", "b"), 1, batch => batch == 1);
        var run2 = Run(run1.Next, Files("v1", "a", "b"), 1, _ => false);
        var run3 = Run(run2.Next, Files("v1", "a", "b"), 1, _ => true);

        Assert.Equal(new[] { Url("a") }, run1.Accepted);
        Assert.Equal(new[] { Url("b") }, run3.Accepted);
    }

    private sealed record SimulatedRun(
        RefreshPlan Plan,
        IReadOnlyList<string[]> Batches,
        IReadOnlyList<string> Accepted,
        ManifestUpdate Update,
        DeploymentManifest? Next);
}
