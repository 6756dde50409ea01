using System;
using System.Linq;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Mapping;
using Qcloud.CdnRefresh.Build.Quota;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Quota;

public class DirectoryFolderTests
{
    private static readonly BaseUrl[] Site = { BaseUrl.Parse("https://x.example/") };

    [Fact]
    public void A_single_file_folds_to_its_folder()
    {
        var plan = DirectoryFolder.Fold(new[] { "https://x.example/css/site.css" }, Site, limit: 10);

        Assert.Equal(new[] { "https://x.example/css/" }, plan.DirectoryUrls);
    }

    [Fact]
    public void Siblings_share_their_parent_folder()
    {
        var plan = DirectoryFolder.Fold(new[] { "https://x.example/js/a.js", "https://x.example/js/b.js" }, Site, limit: 10);

        var directory = Assert.Single(plan.CoveredUrls);
        Assert.Equal("https://x.example/js/", directory.Key);
        Assert.Equal(new[] { "https://x.example/js/a.js", "https://x.example/js/b.js" }, directory.Value);
    }

    [Fact]
    public void Files_in_different_folders_stay_separate_within_the_limit()
    {
        var plan = DirectoryFolder.Fold(
            new[] { "https://x.example/docs/a/1.html", "https://x.example/docs/b/2.html", "https://x.example/img/3.png" },
            Site,
            limit: 3);

        Assert.Equal(new[] { "https://x.example/docs/a/", "https://x.example/docs/b/", "https://x.example/img/" }, plan.DirectoryUrls);
    }

    [Fact]
    public void Over_the_limit_folders_are_cut_to_their_common_parent()
    {
        var plan = DirectoryFolder.Fold(
            new[] { "https://x.example/docs/a/1.html", "https://x.example/docs/b/2.html", "https://x.example/img/3.png" },
            Site,
            limit: 2);

        Assert.Equal(new[] { "https://x.example/docs/", "https://x.example/img/" }, plan.DirectoryUrls);
    }

    [Fact]
    public void The_deepest_shared_parent_is_merged_first_and_unrelated_deep_folders_keep_their_depth()
    {
        var plan = DirectoryFolder.Fold(
            new[] { "https://x.example/a/1/f.css", "https://x.example/a/2/f.css", "https://x.example/b/c/d/f.css" },
            Site,
            limit: 2);

        Assert.Equal(new[] { "https://x.example/a/", "https://x.example/b/c/d/" }, plan.DirectoryUrls);
    }

    [Fact]
    public void A_directory_index_url_covers_itself()
    {
        var plan = DirectoryFolder.Fold(new[] { "https://x.example/docs/", "https://x.example/docs/index.html" }, Site, limit: 5);

        var directory = Assert.Single(plan.CoveredUrls);
        Assert.Equal("https://x.example/docs/", directory.Key);
        Assert.Equal(new[] { "https://x.example/docs/", "https://x.example/docs/index.html" }, directory.Value);
    }

    [Fact]
    public void A_root_level_file_folds_to_the_base_url()
    {
        var plan = DirectoryFolder.Fold(new[] { "https://x.example/favicon.ico" }, Site, limit: 5);

        Assert.Equal(new[] { "https://x.example/" }, plan.DirectoryUrls);
    }

    [Fact]
    public void A_base_url_with_a_path_prefix_is_never_exceeded()
    {
        var app = new[] { BaseUrl.Parse("https://x.example/app/") };

        var plan = DirectoryFolder.Fold(new[] { "https://x.example/app/a/1.js", "https://x.example/app/b/2.js", "https://x.example/app/3.js" }, app, limit: 1);

        Assert.Equal(new[] { "https://x.example/app/" }, plan.DirectoryUrls);
    }

    [Fact]
    public void Percent_encoded_segments_survive_unchanged()
    {
        var plan = DirectoryFolder.Fold(
            new[] { "https://x.example/%E6%96%87%E6%A1%A3/a%20b/c.html", "https://x.example/%E6%96%87%E6%A1%A3/d%2Fe/f.html" },
            Site,
            limit: 1);

        Assert.Equal(new[] { "https://x.example/%E6%96%87%E6%A1%A3/" }, plan.DirectoryUrls);
    }

    [Fact]
    public void An_encoded_slash_is_part_of_a_name_not_a_folder_boundary()
    {
        var plan = DirectoryFolder.Fold(new[] { "https://x.example/a%2Fb/c.html" }, Site, limit: 5);

        Assert.Equal(new[] { "https://x.example/a%2Fb/" }, plan.DirectoryUrls);
    }

    [Fact]
    public void Limit_one_folds_everything_into_the_base_url()
    {
        var plan = DirectoryFolder.Fold(new[] { "https://x.example/a/1.js", "https://x.example/b/2.js" }, Site, limit: 1);

        var directory = Assert.Single(plan.CoveredUrls);
        Assert.Equal("https://x.example/", directory.Key);
        Assert.Equal(2, directory.Value.Count);
    }

    [Fact]
    public void Limit_zero_is_a_coded_error_saying_the_directory_quota_is_used_up()
    {
        var exception = Assert.Throws<CdnRefreshException>(() => DirectoryFolder.Fold(new[] { "https://x.example/a.js" }, Site, limit: 0));

        Assert.Equal("QCDN3007", exception.Code);
        Assert.Contains("directory refresh quota", exception.Message);
        Assert.Contains("midnight Beijing time", exception.Message);
    }

    [Fact]
    public void No_urls_need_no_directories_even_without_quota()
    {
        var plan = DirectoryFolder.Fold(Array.Empty<string>(), Site, limit: 0);

        Assert.Empty(plan.CoveredUrls);
    }

    [Fact]
    public void A_folder_inside_another_chosen_folder_is_dropped()
    {
        var plan = DirectoryFolder.Fold(
            new[] { "https://x.example/docs/", "https://x.example/docs/api/v1/x.html", "https://x.example/docs-old/y.html" },
            Site,
            limit: 10);

        Assert.Equal(new[] { "https://x.example/docs-old/", "https://x.example/docs/" }, plan.DirectoryUrls);
        AssertNoNesting(plan);
    }

    [Fact]
    public void Each_directory_counts_exactly_the_urls_it_covers()
    {
        var urls = Enumerable.Range(0, 37).Select(i => $"https://x.example/docs/p{i}.html")
            .Concat(new[] { "https://x.example/docs/deep/q.html", "https://x.example/img/a.png", "https://x.example/img/b.png" })
            .ToList();

        var plan = DirectoryFolder.Fold(urls, Site, limit: 2);

        Assert.Equal(new[] { 38, 2 }, plan.CoveredUrls.Values.Select(covered => covered.Count));
        Assert.Equal(urls.OrderBy(u => u, StringComparer.Ordinal), plan.CoveredUrls.Values.SelectMany(covered => covered).OrderBy(u => u, StringComparer.Ordinal));
    }

    [Fact]
    public void Duplicate_urls_are_covered_once()
    {
        var plan = DirectoryFolder.Fold(new[] { "https://x.example/a/1.js", "https://x.example/a/1.js" }, Site, limit: 1);

        Assert.Equal(new[] { "https://x.example/a/1.js" }, Assert.Single(plan.CoveredUrls).Value);
    }

    [Fact]
    public void The_output_order_is_ordinal_whatever_the_input_order()
    {
        var urls = new[] { "https://x.example/b/1.js", "https://x.example/a/2.js", "https://x.example/B/3.js", "https://x.example/a/1.js" };

        var forward = DirectoryFolder.Fold(urls, Site, limit: 10);
        var backward = DirectoryFolder.Fold(Enumerable.Reverse(urls), Site, limit: 10);

        Assert.Equal(new[] { "https://x.example/B/", "https://x.example/a/", "https://x.example/b/" }, forward.DirectoryUrls);
        Assert.Equal(forward.DirectoryUrls, backward.DirectoryUrls);
        Assert.Equal(new[] { "https://x.example/a/1.js", "https://x.example/a/2.js" }, forward.CoveredUrls["https://x.example/a/"]);
    }

    [Fact]
    public void A_url_outside_the_base_url_is_a_coded_error_naming_it()
    {
        var error = Assert.Throws<Qcloud.CdnRefresh.Build.Diagnostics.CdnRefreshException>(() => DirectoryFolder.Fold(new[] { "https://other.example/a.js" }, Site, limit: 1));

        Assert.Equal("QCDN3007", error.Code);
        Assert.Contains("https://other.example/a.js", error.Message);
    }

    [Fact]
    public void Many_folders_fold_within_the_limit_without_nesting()
    {
        var urls = Enumerable.Range(0, 3000).Select(i => $"https://x.example/s{i % 7}/t{i % 13}/u{i % 29}/f{i}.js").ToList();

        var plan = DirectoryFolder.Fold(urls, Site, limit: 20);

        Assert.InRange(plan.CoveredUrls.Count, 1, 20);
        Assert.Equal(3000, plan.CoveredUrls.Values.Sum(covered => covered.Count));
        AssertNoNesting(plan);
    }

    private static void AssertNoNesting(DirectoryPlan plan) =>
        Assert.DoesNotContain(plan.DirectoryUrls, outer => plan.DirectoryUrls.Any(inner => inner != outer && inner.StartsWith(outer, StringComparison.Ordinal)));
}
