using System;
using System.Collections.Generic;
using System.Linq;
using Qcloud.CdnRefresh.Build.Manifest;
using Xunit;
using static Qcloud.CdnRefresh.Build.Tests.Manifest.ManifestTestData;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

public class RefreshPlannerTests
{
    private static readonly DeploymentManifest Baseline =
        ManifestOf(File("same.css"), File("changed.js"), File("gone.png"), File("site.css"), File("site.css.gz", urlPath: "site.css"));

    private static readonly ManifestFile[] Current =
    {
        File("same.css"), File("changed.js", "v1"), File("new.html"), File("site.css"), File("site.css.gz", "v1", "site.css"),
    };

    private static RefreshPlan Plan(
        IReadOnlyList<ManifestFile> current,
        DeploymentManifest? baseline,
        bool addedFiles = false,
        WithoutBaselineMode withoutBaseline = WithoutBaselineMode.All) =>
        RefreshPlanner.Plan(current, baseline, addedFiles, withoutBaseline, Sites, MapUrls);

    [Fact]
    public void Modified_and_deleted_files_are_refreshed_and_added_ones_are_not_by_default()
    {
        var plan = Plan(Current, Baseline);

        Assert.Equal(new[] { Url("changed.js"), Url("gone.png"), Url("site.css") }, plan.Urls);
        Assert.Equal((5, 2, 1, 1, 0), (plan.FileCount, plan.ModifiedCount, plan.DeletedCount, plan.AddedCount, plan.OwedCount));
        Assert.Equal("5 files: 2 modified, 1 deleted, 1 added (not refreshed), 0 owed: 3 URLs", plan.Summary);
    }

    [Fact]
    public void Added_files_are_refreshed_when_asked()
    {
        var plan = Plan(Current, Baseline, addedFiles: true);

        Assert.Equal(new[] { Url("changed.js"), Url("gone.png"), Url("new.html"), Url("site.css") }, plan.Urls);
    }

    [Fact]
    public void A_changed_precompressed_sibling_refreshes_its_source_url_once()
    {
        var current = new[] { File("site.css", "v1"), File("site.css.gz", "v1", "site.css"), File("site.css.br", "v1", "site.css") };
        var baseline = ManifestOf(File("site.css"), File("site.css.gz", urlPath: "site.css"), File("site.css.br", urlPath: "site.css"));
        var mapped = new List<string>();

        var plan = RefreshPlanner.Plan(current, baseline, false, WithoutBaselineMode.All, Sites, (site, paths) =>
        {
            mapped.AddRange(paths);
            return MapUrls(site, mapped);
        });

        Assert.Equal(new[] { "site.css" }, mapped);
        Assert.Equal(new[] { Url("site.css") }, plan.Urls);
    }

    [Fact]
    public void Without_a_baseline_all_refreshes_every_current_file()
    {
        var plan = Plan(Current, null, withoutBaseline: WithoutBaselineMode.All);

        Assert.Equal(new[] { Url("changed.js"), Url("new.html"), Url("same.css"), Url("site.css") }, plan.Urls);
        Assert.False(plan.HasBaseline);
        Assert.Equal("5 files, no baseline: 4 URLs", plan.Summary);
    }

    [Fact]
    public void Without_a_baseline_none_refreshes_nothing_and_does_not_call_the_mapper()
    {
        var plan = RefreshPlanner.Plan(Current, null, true, WithoutBaselineMode.None, Sites, (_, _) => throw new InvalidOperationException("not expected"));

        Assert.Empty(plan.Urls);
    }

    [Fact]
    public void The_without_baseline_option_is_ignored_when_there_is_a_baseline()
    {
        Assert.Equal(Plan(Current, Baseline, withoutBaseline: WithoutBaselineMode.All).Urls, Plan(Current, Baseline, withoutBaseline: WithoutBaselineMode.None).Urls);
    }

    [Fact]
    public void Owed_urls_are_merged_deduplicated_and_sorted_with_the_changes()
    {
        var baseline = ManifestOf(Baseline.Files, Url("changed.js"), Url("owed/a.js"), Url("0-first.js"));

        var plan = Plan(Current, baseline);

        Assert.Equal(
            new[] { Url("0-first.js"), Url("changed.js"), Url("gone.png"), Url("owed/a.js"), Url("site.css") },
            plan.Urls);
        Assert.Equal(3, plan.OwedCount);
    }

    [Fact]
    public void Urls_owed_by_another_record_are_merged_with_the_baselines_debts()
    {
        var baseline = ManifestOf(Current, Url("owed-remote.js"));

        var plan = RefreshPlanner.Plan(Current, baseline, false, WithoutBaselineMode.All, Sites, MapUrls, new[] { Url("owed-local.js"), Url("owed-remote.js") });

        Assert.Equal(new[] { Url("owed-local.js"), Url("owed-remote.js") }, plan.Urls);
        Assert.Equal(2, plan.OwedCount);
    }

    [Fact]
    public void Owed_urls_are_sent_even_when_nothing_changed()
    {
        var baseline = ManifestOf(Current, Url("owed.js"));

        Assert.Equal(new[] { Url("owed.js") }, Plan(Current, baseline).Urls);
    }

    [Fact]
    public void Urls_the_mapper_adds_for_a_path_are_kept()
    {
        var plan = RefreshPlanner.Plan(
            new[] { File("docs/index.html", "v1") },
            ManifestOf(File("docs/index.html")),
            false,
            WithoutBaselineMode.All,
            Sites,
            (_, paths) => paths.SelectMany(path => new[] { Url(path), Url("docs/") }).ToList());

        Assert.Equal(new[] { Url("docs/"), Url("docs/index.html") }, plan.Urls);
    }
}
