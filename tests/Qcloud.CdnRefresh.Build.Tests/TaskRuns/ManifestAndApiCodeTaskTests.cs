using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

/// <summary>Codes about the baseline, the manifest lock and API 2.0, raised through the task as a user meets them.</summary>
public sealed class ManifestAndApiCodeTaskTests
{
    private static readonly string[] EveryUrl =
    {
        "https://www.example.com/f0.css", "https://www.example.com/f1.css", "https://www.example.com/f2.css",
        "https://www.example.com/f3.css", "https://www.example.com/f4.css", "https://www.example.com/f5.css",
    };

    [Fact]
    public async Task V2AnsweringCode4300_IsQcdn3006AdvisingV3_AndEveryUrlIsSentByTheNextRun()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.InjectFault(FaultRule.V2Error(4300, "The API 2.0 is offline for this account.", "RequestForbidden"));

        var run = harness.Run(task =>
        {
            task.Api = "v2";
            task.Endpoint = harness.Server.V2Endpoint.ToString();
        });

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN3006", error.Code);
        Assert.Contains("-p:CdnRefreshApi=v3", error.Message);
        Assert.Empty(run.AcceptedPurgeUrls);
        var next = harness.Run();
        Assert.True(next.Succeeded, next.AllText);
        Assert.Equal(EveryUrl, next.AcceptedPurgeUrls.OrderBy(url => url, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ManifestForAnotherBaseUrl_IsWarningQcdn2103_EveryFileIsRefreshed_AndItsOldPendingUrlsAreNotSent()
    {
        await using var harness = await TaskHarness.StartAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(harness.ManifestPath)!);
        File.WriteAllText(
            harness.ManifestPath,
            "{\"version\":1,\"baseUrl\":\"https://old.example.com/\",\"updatedUtc\":\"2024-05-01T12:00:00.0000000Z\","
            + "\"files\":[],\"pendingUrls\":[\"https://old.example.com/owed.css\"]}");

        var run = harness.Run();

        Assert.True(run.Succeeded, run.AllText);
        Assert.Equal(new[] { "QCDN2103" }, run.WarningCodes);
        Assert.Equal(EveryUrl, run.AcceptedPurgeUrls.OrderBy(url => url, StringComparer.Ordinal));
        var manifest = File.ReadAllText(harness.ManifestPath);
        Assert.Contains("\"baseUrl\": \"https://www.example.com/\"", manifest);
        Assert.DoesNotContain("old.example.com", manifest);
    }

    [Fact]
    public async Task BaselineUrlAnswering500_IsQcdn2105_NothingIsPurged_AndTheManifestIsNotWritten()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.InjectFault(FaultRule.Http500());
        var baselineUrl = new Uri(harness.Server.V3Endpoint, "/site/cdn-refresh-manifest.json").ToString();

        var run = harness.Run(task => task.BaselineUrl = baselineUrl);

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN2105", error.Code);
        Assert.Contains(baselineUrl, error.Message);
        Assert.Contains("500", error.Message);
        Assert.Equal(new[] { "GET /site/cdn-refresh-manifest.json" }, run.Requests.Select(r => r.Method + " " + r.Path));
        Assert.Null(harness.ManifestBytes());
    }

    [Fact]
    public async Task ManifestLockedByAnotherHolder_IsQcdn2106NamingTheManifest_AndNothingIsSent()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.ManifestLockTimeout = TimeSpan.Zero;
        Directory.CreateDirectory(Path.GetDirectoryName(harness.ManifestPath)!);
        using var otherHolder = new FileStream(harness.ManifestPath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var run = harness.Run();

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN2106", error.Code);
        Assert.Contains(harness.ManifestPath, error.Message);
        Assert.Empty(run.Requests);
        Assert.Null(harness.ManifestBytes());
    }
}
