using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Qcloud.CdnRefresh.Build.Manifest;
using Xunit;
using static Qcloud.CdnRefresh.Build.Tests.Manifest.ManifestTestData;

using Site = Qcloud.CdnRefresh.Build.Mapping.BaseUrl;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

/// <summary>Plans over several base URLs: the changes under each, a base URL new since the baseline, one no longer listed, and the order of the list.</summary>
public sealed class SeveralBaseUrlsPlanningTests
{
    private const string Www = "https://www.example.com/";
    private const string Cdn = "https://cdn.example.com/";

    private static readonly ManifestFile[] Current = { File("a.css", "v1"), File("b.js"), File("c.html") };

    private static IReadOnlyList<Site> Sites(params string[] baseUrls) => baseUrls.Select(url => Site.Parse(url)).ToList();

    private static DeploymentManifest Baseline(params string[] baseUrls) =>
        new(baseUrls, new[] { File("a.css"), File("b.js"), File("c.html"), File("gone.png") }, Array.Empty<string>(), Time);

    private static RefreshPlan Plan(DeploymentManifest? baseline, IReadOnlyList<Site> baseUrls, WithoutBaselineMode withoutBaseline = WithoutBaselineMode.All) =>
        RefreshPlanner.Plan(Current, baseline, addedFiles: false, withoutBaseline, baseUrls, MapUrls);

    [Fact]
    public void Every_changed_or_deleted_file_is_refreshed_under_each_base_url()
    {
        var plan = Plan(Baseline(Www, Cdn), Sites(Www, Cdn));

        Assert.Equal(
            new[] { "https://cdn.example.com/a.css", "https://cdn.example.com/gone.png", "https://www.example.com/a.css", "https://www.example.com/gone.png" },
            plan.Urls);
        Assert.Equal("3 files: 1 modified, 1 deleted, 0 added, 0 owed: 4 URLs under 2 base URLs", plan.Summary);
    }

    [Fact]
    public void The_plan_knows_its_urls_per_base_url_in_the_users_order()
    {
        var plan = Plan(Baseline(Www, Cdn), Sites(Www, Cdn));

        Assert.Equal(
            new[] { (Www, "https://www.example.com/a.css https://www.example.com/gone.png"), (Cdn, "https://cdn.example.com/a.css https://cdn.example.com/gone.png") },
            plan.BaseUrls.Select(b => (b.BaseUrl.Value, string.Join(" ", b.Urls))));
    }

    [Fact]
    public void The_url_paths_are_found_once_and_mapped_under_each_base_url()
    {
        var mapped = new List<string>();

        RefreshPlanner.Plan(Current, Baseline(Www, Cdn), false, WithoutBaselineMode.All, Sites(Www, Cdn), (site, paths) =>
        {
            mapped.Add(site.Value + " " + string.Join(",", paths));
            return MapUrls(site, paths);
        });

        Assert.Equal(new[] { "https://www.example.com/ a.css,gone.png", "https://cdn.example.com/ a.css,gone.png" }, mapped);
    }

    [Fact]
    public void Without_a_baseline_all_refreshes_every_file_under_each_base_url()
    {
        var plan = Plan(null, Sites(Www, Cdn));

        Assert.Equal(
            new[]
            {
                "https://cdn.example.com/a.css", "https://cdn.example.com/b.js", "https://cdn.example.com/c.html",
                "https://www.example.com/a.css", "https://www.example.com/b.js", "https://www.example.com/c.html",
            },
            plan.Urls);
        Assert.Equal("3 files, no baseline: 6 URLs under 2 base URLs", plan.Summary);
    }

    [Fact]
    public void A_new_base_url_with_all_gets_every_current_file_and_a_recorded_one_only_the_changes()
    {
        var plan = Plan(Baseline(Www), Sites(Www, Cdn), WithoutBaselineMode.All);

        Assert.Equal(
            new[] { "https://cdn.example.com/a.css", "https://cdn.example.com/b.js", "https://cdn.example.com/c.html", "https://www.example.com/a.css", "https://www.example.com/gone.png" },
            plan.Urls);
        Assert.Equal(new[] { false, true }, plan.BaseUrls.Select(b => b.IsNew));
        Assert.Equal("3 files: 1 modified, 1 deleted, 0 added, 0 owed, 1 new base URL: 5 URLs under 2 base URLs", plan.Summary);
    }

    [Fact]
    public void A_new_base_url_with_none_gets_nothing_and_a_recorded_one_the_changes()
    {
        var plan = Plan(Baseline(Www), Sites(Www, Cdn), WithoutBaselineMode.None);

        Assert.Equal(new[] { "https://www.example.com/a.css", "https://www.example.com/gone.png" }, plan.Urls);
        Assert.Empty(plan.BaseUrls[1].Urls);
    }

    [Fact]
    public void Urls_owed_under_a_base_url_no_longer_listed_are_not_planned_and_the_warning_counts_them()
    {
        var written = new DeploymentManifest(new[] { Www, Cdn }, Current, new[] { Cdn + "x.js", Cdn + "y.js", Www + "x.js" }, Time);
        var read = ManifestReader.Parse(ManifestWriter.Serialize(written), "m.json", Sites(Www));

        var plan = RefreshPlanner.Plan(Current, read.Baseline, false, WithoutBaselineMode.All, Sites(Www), MapUrls);

        Assert.Equal(new[] { "https://www.example.com/x.js" }, plan.Urls);
        var warning = Assert.Single(read.Warnings);
        Assert.Equal("QCDN2103", warning.Code);
        Assert.Contains("owes 2 URL(s) under the base URL 'https://cdn.example.com/'", warning.Message);
    }

    [Fact]
    public void An_owed_url_counts_under_the_base_url_it_lies_under()
    {
        var baseline = new DeploymentManifest(new[] { Www, Cdn }, Current, new[] { Cdn + "owed.js" }, Time);

        var plan = Plan(baseline, Sites(Www, Cdn));

        Assert.Empty(plan.BaseUrls[0].Urls);
        Assert.Equal(new[] { "https://cdn.example.com/owed.js" }, plan.BaseUrls[1].Urls);
    }

    [Fact]
    public void Changing_only_the_order_of_the_base_urls_gives_the_same_urls_and_the_same_manifest_bytes()
    {
        var baseline = Baseline(Www, Cdn);
        var forward = Plan(baseline, Sites(Www, Cdn));
        var backward = Plan(baseline, Sites(Cdn, Www));

        var forwardManifest = ManifestUpdater.Decide(baseline, Current, Sites(Www, Cdn), forward.Urls, forward.Urls.Take(1), Time).Manifest!;
        var backwardManifest = ManifestUpdater.Decide(baseline, Current, Sites(Cdn, Www), backward.Urls, backward.Urls.Take(1), Time).Manifest!;

        Assert.Equal(forward.Urls, backward.Urls);
        Assert.Equal(
            Encoding.UTF8.GetString(ManifestWriter.Serialize(forwardManifest)),
            Encoding.UTF8.GetString(ManifestWriter.Serialize(backwardManifest)));
    }
}
