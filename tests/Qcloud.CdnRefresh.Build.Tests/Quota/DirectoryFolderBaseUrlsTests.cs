using System.Linq;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Mapping;
using Qcloud.CdnRefresh.Build.Quota;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Quota;

/// <summary><c>CdnRefreshOverQuota=directory</c> over several base URLs: each URL folds within its own base URL.</summary>
public sealed class DirectoryFolderBaseUrlsTests
{
    private static readonly BaseUrl[] Sites = { BaseUrl.Parse("https://www.example.com/"), BaseUrl.Parse("https://cdn.example.com/app/") };

    [Fact]
    public void Urls_under_two_base_urls_fold_into_folders_of_each()
    {
        var plan = DirectoryFolder.Fold(
            new[] { "https://www.example.com/css/a.css", "https://www.example.com/css/b.css", "https://cdn.example.com/app/css/a.css", "https://cdn.example.com/app/js/b.js" },
            Sites,
            limit: 10);

        Assert.Equal(new[] { "https://cdn.example.com/app/css/", "https://cdn.example.com/app/js/", "https://www.example.com/css/" }, plan.DirectoryUrls);
        Assert.Equal(new[] { 1, 1, 2 }, plan.CoveredUrls.Values.Select(covered => covered.Count));
    }

    [Fact]
    public void A_limit_of_one_directory_a_base_url_folds_each_into_its_base_url_and_never_above()
    {
        var plan = DirectoryFolder.Fold(
            new[] { "https://www.example.com/a/1.js", "https://www.example.com/b/2.js", "https://cdn.example.com/app/a/1.js", "https://cdn.example.com/app/b/2.js" },
            Sites,
            limit: 2);

        Assert.Equal(new[] { "https://cdn.example.com/app/", "https://www.example.com/" }, plan.DirectoryUrls);
    }

    [Fact]
    public void The_deepest_shared_folder_is_merged_first_whichever_base_url_it_is_under()
    {
        var plan = DirectoryFolder.Fold(
            new[] { "https://www.example.com/a/1.js", "https://www.example.com/b/2.js", "https://cdn.example.com/app/x/y/1.js", "https://cdn.example.com/app/x/z/2.js" },
            Sites,
            limit: 3);

        Assert.Equal(new[] { "https://cdn.example.com/app/x/", "https://www.example.com/a/", "https://www.example.com/b/" }, plan.DirectoryUrls);
    }

    [Fact]
    public void A_limit_below_the_number_of_base_urls_with_urls_is_Qcdn3007_saying_each_needs_one()
    {
        var error = Assert.Throws<CdnRefreshException>(() =>
            DirectoryFolder.Fold(new[] { "https://www.example.com/a.js", "https://cdn.example.com/app/b.js" }, Sites, limit: 1));

        Assert.Equal("QCDN3007", error.Code);
        Assert.Contains("the URLs lie under 2 base URLs, which need a directory refresh each", error.Message);
    }

    [Fact]
    public void A_url_under_a_base_url_inside_another_folds_within_the_inner_one()
    {
        var nested = new[] { BaseUrl.Parse("https://www.example.com/"), BaseUrl.Parse("https://www.example.com/app/") };

        var plan = DirectoryFolder.Fold(new[] { "https://www.example.com/app/a/1.js", "https://www.example.com/app/b/2.js", "https://www.example.com/c/3.js" }, nested, limit: 2);

        Assert.Equal(new[] { "https://www.example.com/app/", "https://www.example.com/c/" }, plan.DirectoryUrls);
    }

    [Fact]
    public void A_url_under_a_base_url_inside_another_folds_up_to_the_outer_one_when_the_limit_needs_it()
    {
        var nested = new[] { BaseUrl.Parse("https://www.example.com/"), BaseUrl.Parse("https://www.example.com/app/") };

        var plan = DirectoryFolder.Fold(new[] { "https://www.example.com/app/a/1.js", "https://www.example.com/c/3.js" }, nested, limit: 1);

        Assert.Equal(new[] { "https://www.example.com/" }, plan.DirectoryUrls);
    }
}
