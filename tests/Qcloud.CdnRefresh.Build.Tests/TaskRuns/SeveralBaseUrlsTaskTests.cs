using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Build.Framework;
using Qcloud.CdnRefresh.Build.MSBuild;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

/// <summary>
/// The task with two base URLs in <c>CdnRefreshBaseUrl</c>: every file under each, within the batch limit and the
/// quota; a base URL new since the baseline, one no longer listed, and a change of order alone.
/// </summary>
public sealed class SeveralBaseUrlsTaskTests
{
    private const string Www = "https://www.example.com/";
    private const string Cdn = "https://cdn.example.com/";

    private static readonly string[] EveryUrl =
    {
        "https://cdn.example.com/f0.css", "https://cdn.example.com/f1.css", "https://cdn.example.com/f2.css",
        "https://cdn.example.com/f3.css", "https://cdn.example.com/f4.css", "https://cdn.example.com/f5.css",
        "https://www.example.com/f0.css", "https://www.example.com/f1.css", "https://www.example.com/f2.css",
        "https://www.example.com/f3.css", "https://www.example.com/f4.css", "https://www.example.com/f5.css",
    };

    [Theory]
    [InlineData("v3")]
    [InlineData("edgeone")]
    public async Task EveryFileIsRefreshedUnderEachBaseUrl_InBatchesWithinTheLimit(string api)
    {
        await using var harness = await TaskHarness.StartAsync();

        var run = harness.Run(task =>
        {
            UseApi(task, harness, api);
            task.BaseUrl = Www + ";" + Cdn;
            task.BatchSize = "5";
        });

        Assert.True(run.Succeeded, run.AllText);
        Assert.Equal(new[] { 5, 5, 2 }, run.Purges.OrderBy(r => r.Sequence).Select(r => r.Urls.Count));
        Assert.Equal(EveryUrl, run.AcceptedPurgeUrls.OrderBy(u => u, StringComparer.Ordinal));
        Assert.Empty(harness.Owed());
    }

    [Theory]
    [InlineData("v3", "overseas")]
    [InlineData("edgeone", FakeTencentApiOptions.DefaultZoneId)]
    public async Task TheQuotaCountsTheUrlsUnderEveryBaseUrl_AndARunOverItIsQcdn3007SendingNothing(string api, string quota)
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { DailyQuota = 10 });

        var run = harness.Run(task =>
        {
            UseApi(task, harness, api);
            task.BaseUrl = Www + ";" + Cdn;
        });

        Assert.Equal(new[] { "QCDN3007" }, run.ErrorCodes);
        Assert.Contains("needs 12 URL refreshes but only 10 are left", run.Errors[0].Message);
        Assert.Empty(run.Purges);
        Assert.Equal(0, harness.Server.UrlsAccepted(quota));
        Assert.Null(harness.ManifestBytes());
    }

    [Fact]
    public async Task TheSummaryLineCountsTheBaseUrls()
    {
        await using var harness = await TaskHarness.StartAsync();

        var run = harness.Run(task => task.BaseUrl = Www + ";" + Cdn);

        var expected = $"CdnRefresh: 6 files (no baseline), 12 URLs under 2 base URLs in 1 batch to PurgeUrlsCache (overseas) at {harness.Server.V3Endpoint}: 12 accepted, 0 pending, 6 hashed, ";
        Assert.Contains(run.Messages, m => m.Importance == MessageImportance.High && m.Message!.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADryRunListsTheUrlsUnderEachBaseUrl_InTheUsersOrder()
    {
        await using var harness = await TaskHarness.StartAsync(fileCount: 2);

        var run = harness.Run(task =>
        {
            task.BaseUrl = Www + ";" + Cdn;
            task.DryRun = "true";
        });

        Assert.True(run.Succeeded, run.AllText);
        var lines = DryRunLines(run);
        Assert.Equal(
            new[]
            {
                "CdnRefresh:   2 URLs under https://www.example.com/:",
                "CdnRefresh:     would refresh https://www.example.com/f0.css",
                "CdnRefresh:     would refresh https://www.example.com/f1.css",
                "CdnRefresh:   2 URLs under https://cdn.example.com/:",
                "CdnRefresh:     would refresh https://cdn.example.com/f0.css",
                "CdnRefresh:     would refresh https://cdn.example.com/f1.css",
            },
            lines);
    }

    [Fact]
    public async Task ADryRunListsAnOwedUrlUnderNoListedBaseUrl_InAGroupOfItsOwn()
    {
        await using var harness = await TaskHarness.StartAsync(fileCount: 1);
        Directory.CreateDirectory(Path.GetDirectoryName(harness.ManifestPath)!);
        File.WriteAllText(
            harness.ManifestPath,
            "{\"version\":1,\"baseUrl\":\"https://cdn.example.com/\",\"baseUrls\":[\"https://cdn.example.com/\",\"https://www.example.com/\"],\"files\":[],"
            + "\"pendingUrls\":[\"https://elsewhere.example.net/old.css\"]}");

        var run = harness.Run(task =>
        {
            task.BaseUrl = Www + ";" + Cdn;
            task.DryRun = "true";
        });

        Assert.True(run.Succeeded, run.AllText);
        var lines = DryRunLines(run);
        Assert.Equal(
            new[]
            {
                "CdnRefresh:   0 URLs under https://www.example.com/:",
                "CdnRefresh:   0 URLs under https://cdn.example.com/:",
                "CdnRefresh:   1 owed URL under no listed base URL:",
                "CdnRefresh:     would refresh https://elsewhere.example.net/old.css",
            },
            lines);
    }

    [Theory]
    [InlineData("all", new[] { "https://cdn.example.com/f0.css", "https://cdn.example.com/f1.css", "https://cdn.example.com/f2.css", "https://www.example.com/f1.css" })]
    [InlineData("none", new[] { "https://www.example.com/f1.css" })]
    public async Task ABaseUrlAddedSinceTheBaseline_IsRefreshedAsWithoutBaselineSays_AndTheOtherOnlyForTheChange(string withoutBaseline, string[] expected)
    {
        await using var harness = await TaskHarness.StartAsync(fileCount: 3);
        Assert.True(harness.Run(task => task.BaseUrl = Www).Succeeded);
        harness.WriteFile("f1.css", "body{color:red}");

        var run = harness.Run(task =>
        {
            task.BaseUrl = Www + ";" + Cdn;
            task.WithoutBaseline = withoutBaseline;
        });

        Assert.True(run.Succeeded, run.AllText);
        Assert.Equal(expected, run.AcceptedPurgeUrls.OrderBy(u => u, StringComparer.Ordinal));
        Assert.Contains(run.Messages, m => m.Message!.StartsWith("CdnRefresh: The base URL https://cdn.example.com/ is new since the baseline: CdnRefreshWithoutBaseline=" + withoutBaseline, StringComparison.Ordinal));
        Assert.Equal(new[] { Cdn, Www }, harness.LoadManifest()!.BaseUrls);
    }

    [Fact]
    public async Task UrlsOwedUnderABaseUrlNoLongerListed_AreDroppedWithQcdn2103_AndTheOthersAreSent()
    {
        await using var harness = await TaskHarness.StartAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(harness.ManifestPath)!);
        File.WriteAllText(
            harness.ManifestPath,
            "{\"version\":1,\"baseUrl\":\"https://cdn.example.com/\",\"baseUrls\":[\"https://cdn.example.com/\",\"https://www.example.com/\"],\"files\":[],"
            + "\"pendingUrls\":[\"https://cdn.example.com/f0.css\",\"https://cdn.example.com/f1.css\",\"https://www.example.com/f2.css\"]}");

        var run = harness.Run(task => task.BaseUrl = Www);

        Assert.True(run.Succeeded, run.AllText);
        var warning = Assert.Single(run.Warnings);
        Assert.Equal("QCDN2103", warning.Code);
        Assert.Contains("owes 2 URL(s) under the base URL 'https://cdn.example.com/', which CdnRefreshBaseUrl no longer lists", warning.Message);
        Assert.Equal(new[] { "https://www.example.com/f2.css" }, run.AcceptedPurgeUrls);
        Assert.Equal(new[] { Www }, harness.LoadManifest()!.BaseUrls);
    }

    [Fact]
    public async Task ChangingOnlyTheOrderOfTheBaseUrls_SendsNothing_AndLeavesTheManifestByteIdentical()
    {
        await using var harness = await TaskHarness.StartAsync();
        Assert.True(harness.Run(task => task.BaseUrl = Www + ";" + Cdn).Succeeded);
        var before = harness.ManifestBytes();
        Assert.NotNull(before);

        var run = harness.Run(task => task.BaseUrl = Cdn + ";" + Www);

        Assert.True(run.Succeeded, run.AllText);
        Assert.Empty(run.Purges);
        Assert.Equal(before, harness.ManifestBytes());
    }

    /// <summary>The dry run's indented lines at high importance: the groups and the URLs under them.</summary>
    private static List<string> DryRunLines(TaskOutcome run) =>
        run.Messages.Where(m => m.Importance == MessageImportance.High).Select(m => m.Message!).Where(m => m.StartsWith("CdnRefresh:   ", StringComparison.Ordinal)).ToList();

    private static void UseApi(RefreshCdnOversea task, TaskHarness harness, string api)
    {
        if (api == "edgeone")
        {
            EdgeOneTaskTests.EdgeOne(task, harness);
        }
    }
}
