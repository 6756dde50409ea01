using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.MSBuild;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

/// <summary>
/// The task with <c>CdnRefreshApi=edgeone</c> against the fake's EdgeOne: the zone is required before anything is read
/// or sent, targets in a <c>FailedList</c> are owed and sent again, a short quota sends nothing, and the wait owes
/// what Tencent failed.
/// </summary>
public sealed class EdgeOneTaskTests
{
    private const string Create = "CreatePurgeTask";

    [Theory]
    [InlineData(null)]
    [InlineData("2noz78a8ev6k")]
    [InlineData("zone-2noz 78a8")]
    public async Task WithoutAWellFormedZoneId_IsQcdn1012_AndNothingIsReadOrSent(string? zoneId)
    {
        await using var harness = await TaskHarness.StartAsync();
        var credentialsRead = false;
        harness.Credentials = () =>
        {
            credentialsRead = true;
            return new(FakeTencentApiOptions.DefaultSecretId, FakeTencentApiOptions.DefaultSecretKey);
        };

        var run = harness.Run(task =>
        {
            EdgeOne(task, harness);
            task.ZoneId = zoneId;
        });

        Assert.False(run.Succeeded);
        Assert.Equal(new[] { "QCDN1012" }, run.ErrorCodes);
        Assert.Empty(run.Requests);
        Assert.False(credentialsRead);
        Assert.Null(harness.ManifestBytes());
    }

    [Fact]
    public async Task FirstRun_PurgesEveryUrlInTheZone_AsPurgeUrl()
    {
        await using var harness = await TaskHarness.StartAsync();

        var run = harness.Run(task => EdgeOne(task, harness));

        Assert.True(run.Succeeded, run.AllText);
        var purge = Assert.Single(run.Requests, r => r.Action == Create);
        using var body = JsonDocument.Parse(purge.RawBody);
        Assert.Equal(FakeTencentApiOptions.DefaultZoneId, body.RootElement.GetProperty("ZoneId").GetString());
        Assert.Equal("purge_url", body.RootElement.GetProperty("Type").GetString());
        Assert.Equal(Enumerable.Range(0, 6).Select(i => harness.UrlOf($"f{i}.css")), purge.Urls.OrderBy(u => u));
        Assert.Equal(6, harness.Server.UrlsAccepted(FakeTencentApiOptions.DefaultZoneId));
        Assert.Empty(harness.Owed());
    }

    [Fact]
    public async Task AZoneNotOnTheAccount_IsQcdn3001_SayingToCheckTheZoneId()
    {
        await using var harness = await TaskHarness.StartAsync();

        var run = harness.Run(task =>
        {
            EdgeOne(task, harness);
            task.ZoneId = "zone-notmine1";
        });

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN3001", error.Code);
        Assert.Contains("ResourceNotFound.ZoneNotFound", error.Message);
        Assert.Contains("CdnRefreshZoneId is not an EdgeOne site of this account", error.Message);
        Assert.Equal(6, harness.Owed().Count);
    }

    [Fact]
    public async Task AnExplicitArea_IsWarningQcdn1013_AndTheRunGoesOn()
    {
        await using var harness = await TaskHarness.StartAsync();

        var run = harness.Run(task =>
        {
            EdgeOne(task, harness);
            task.Area = "mainland";
        });

        Assert.True(run.Succeeded, run.AllText);
        Assert.Equal(new[] { "QCDN1013" }, run.WarningCodes);
        Assert.Single(run.Purges);
    }

    [Fact]
    public async Task AFailedListTarget_IsQcdn3009NamingItAndTheReason_AndFailsTheBuild()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.RejectTargets("target is blocked", harness.UrlOf("f2.css"));

        var run = harness.Run(task => EdgeOne(task, harness));

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN3009", error.Code);
        Assert.Contains(harness.UrlOf("f2.css") + " (target is blocked)", error.Message);
        Assert.DoesNotContain(harness.UrlOf("f1.css"), error.Message);
        Assert.Equal(5, run.RefreshedUrls.Count);
    }

    [Fact]
    public async Task AFailedListTarget_IsOwed_AndTheNextRunSendsExactlyIt()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.RejectTargets("target is blocked", harness.UrlOf("f2.css"));
        Assert.False(harness.Run(task => EdgeOne(task, harness)).Succeeded);
        Assert.Equal(new[] { harness.UrlOf("f2.css") }, harness.Owed());
        harness.Server.AcceptAllTargets();

        harness.AssertNextRunSendsExactly(new[] { harness.UrlOf("f2.css") }, task => EdgeOne(task, harness));
    }

    [Fact]
    public async Task AFailedListTarget_WithContinueOnError_IsWarningQcdn3009_AndTheBuildSucceeds()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.RejectTargets("target is blocked", harness.UrlOf("f2.css"));

        var run = harness.Run(task =>
        {
            EdgeOne(task, harness);
            task.ContinueOnApiError = "true";
        });

        Assert.True(run.Succeeded, run.AllText);
        Assert.Equal(new[] { "QCDN3009" }, run.WarningCodes);
        Assert.Equal(new[] { harness.UrlOf("f2.css") }, harness.Owed());
    }

    [Fact]
    public async Task AShortQuota_IsQcdn3007_AndSendsNothing()
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { DailyQuota = 4 });

        var run = harness.Run(task => EdgeOne(task, harness));

        Assert.Equal(new[] { "QCDN3007" }, run.ErrorCodes);
        Assert.Contains("only 4 are left", run.Errors[0].Message);
        Assert.Equal(new[] { "DescribeContentQuota" }, run.Requests.Select(r => r.Action));
        Assert.Null(harness.ManifestBytes());
    }

    [Fact]
    public async Task OverQuotaDirectory_PurgesThePrefixesWithInvalidate()
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { DailyQuota = 4 });

        var run = harness.Run(task =>
        {
            EdgeOne(task, harness);
            task.OverQuota = "directory";
        });

        Assert.True(run.Succeeded, run.AllText);
        var purge = Assert.Single(run.Requests, r => r.Action == Create);
        Assert.Equal(
            "{\"ZoneId\":\"zone-fake0test0\",\"Type\":\"purge_prefix\",\"Method\":\"invalidate\",\"Targets\":[\"https://www.example.com/\"]}",
            purge.BodyText);
        Assert.Equal(1, harness.Server.PathsAccepted(FakeTencentApiOptions.DefaultZoneId));
    }

    [Fact]
    public async Task Wait_ATargetTencentFailed_IsQcdn3008_AndOwed()
    {
        await using var harness = await TaskHarness.StartAsync(new FakeTencentApiOptions { TaskQueriesUntilDone = 1 });
        harness.Server.FailUrls(harness.UrlOf("f2.css"));

        var run = harness.Run(task =>
        {
            EdgeOne(task, harness);
            task.Wait = "true";
        });

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN3008", error.Code);
        Assert.Contains(harness.UrlOf("f2.css"), error.Message);
        Assert.Equal(2, run.Requests.Count(r => r.Action == "DescribePurgeTasks"));
        Assert.Equal(new[] { harness.UrlOf("f2.css") }, harness.Owed());
    }

    [Fact]
    public async Task Wait_AfterAFailedListTarget_WaitsOnlyForTheAcceptedOnes_AndTheRejectedOneStaysOwed()
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Server.RejectTargets("target is blocked", harness.UrlOf("f2.css"));

        var run = harness.Run(task =>
        {
            EdgeOne(task, harness);
            task.Wait = "true";
        });

        Assert.Equal(new[] { "QCDN3009" }, run.ErrorCodes);
        Assert.Empty(run.WarningCodes);
        Assert.Single(run.Requests, r => r.Action == "DescribePurgeTasks");
        Assert.Equal(new[] { harness.UrlOf("f2.css") }, harness.Owed());
    }

    /// <summary>Points <paramref name="task"/> at the fake's EdgeOne and its zone.</summary>
    internal static void EdgeOne(RefreshCdnOversea task, TaskHarness harness)
    {
        task.Api = "edgeone";
        task.ZoneId = FakeTencentApiOptions.DefaultZoneId;
        task.Endpoint = harness.Server.EdgeOneEndpoint.ToString();
    }
}
