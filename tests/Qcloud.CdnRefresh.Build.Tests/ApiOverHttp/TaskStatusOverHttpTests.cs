using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ApiOverHttp;

/// <summary>Status queries against the fake's tasks: done at once, running then done, and failed, for every API.</summary>
public class TaskStatusOverHttpTests : OverHttpTestBase
{
    private static readonly string[] Directories = { "https://www.example.com/img/" };

    [Theory]
    [InlineData("v3")]
    [InlineData("v2")]
    [InlineData("edgeone")]
    public async Task ByDefault_EveryUrlIsDone(string api)
    {
        var (client, batch) = await SubmitUrlsAsync(api, "overseas", 3);

        var status = await client.GetStatusAsync(new[] { batch }, CancellationToken.None);

        Assert.Equal(batch.Urls, status.Statuses.Select(s => s.Url));
        Assert.All(status.Statuses, s => Assert.Equal(RefreshStatus.Done, s.Status));
    }

    [Theory]
    [InlineData("v3", "overseas")]
    [InlineData("v2", "overseas")]
    [InlineData("v2", "mainland")]
    [InlineData("edgeone", "overseas")]
    public async Task HeldForTwoQueries_IsRunningTwice_ThenDone(string api, string area)
    {
        Server.SetTaskQueriesUntilDone(2);
        var (client, batch) = await SubmitUrlsAsync(api, area, 2);

        var seen = new List<RefreshStatus>();
        for (var query = 0; query < 3; query++)
        {
            var status = await client.GetStatusAsync(new[] { batch }, CancellationToken.None);
            seen.Add(status.Statuses.Select(s => s.Status).Distinct().Single());
        }

        Assert.Equal(new[] { RefreshStatus.Running, RefreshStatus.Running, RefreshStatus.Done }, seen);
    }

    [Theory]
    [InlineData("v3")]
    [InlineData("v2")]
    [InlineData("edgeone")]
    public async Task FailedUrl_IsFailed_TheOthersDone(string api)
    {
        var (client, batch) = await SubmitUrlsAsync(api, "overseas", 3);
        Server.FailUrls(batch.Urls[1]);

        var status = await client.GetStatusAsync(new[] { batch }, CancellationToken.None);

        Assert.Null(status.Failure);
        Assert.Equal(new[] { batch.Urls[1] }, status.FailedUrls);
        Assert.Equal(2, status.Statuses.Count(s => s.Status == RefreshStatus.Done));
    }

    [Fact]
    public async Task V3_FailedDirectoryTask_FailsEveryPath()
    {
        var client = V3();
        var outcome = await client.SubmitAsync(RefreshTarget.Directories, Directories, CancellationToken.None);
        Server.FailTask(outcome.TaskId!);

        var status = await client.GetStatusAsync(new[] { outcome }, CancellationToken.None);

        Assert.Equal(Directories, status.FailedUrls);
        using var query = JsonDocument.Parse(RequestsFor("DescribePurgeTasks").Single().BodyText);
        Assert.Equal("path", query.RootElement.GetProperty("PurgeType").GetString());
    }

    [Fact]
    public async Task V2_Mainland_FailedTask_IsFailed_FoundByTaskId()
    {
        var (client, batch) = await SubmitUrlsAsync("v2", "mainland", 2);
        Server.FailTask(batch.TaskId!);

        var status = await client.GetStatusAsync(new[] { batch }, CancellationToken.None);

        Assert.Equal(batch.Urls, status.FailedUrls);
        Assert.Equal(batch.TaskId, RequestsFor("GetCdnRefreshLog").Single().Parameters["taskId"]);
    }

    [Fact]
    public async Task V2_Mainland_DirectoryWithoutTaskId_IsFoundInItsDay()
    {
        var client = V2(o => o with { Area = "mainland" });
        var outcome = await client.SubmitAsync(RefreshTarget.Directories, Directories, CancellationToken.None);

        var status = await client.GetStatusAsync(new[] { outcome }, CancellationToken.None);

        Assert.Null(outcome.TaskId);
        Assert.Equal(RefreshStatus.Done, status.Statuses.Single().Status);
        Assert.True(RequestsFor("GetCdnRefreshLog").Single().SignatureVerified);
    }

    [Fact]
    public async Task V2_Overseas_SentAfter16UtcIsInTheNextBeijingDaysLog()
    {
        // 08:00 UTC plus 9 h is 17:00 UTC, 01:00 the next day in Beijing.
        await Clock.Delay(TimeSpan.FromHours(9), CancellationToken.None);
        var (client, batch) = await SubmitUrlsAsync("v2", "overseas", 1);

        var status = await client.GetStatusAsync(new[] { batch }, CancellationToken.None);

        Assert.Equal(RefreshStatus.Done, status.Statuses.Single().Status);
        Assert.Equal("20260302", RequestsFor("GetCdnOverseaRefreshLog").Single().Parameters["date"]);
    }

    private async Task<(IRefreshProvider Client, BatchOutcome Batch)> SubmitUrlsAsync(string api, string area, int count)
    {
        var urls = Urls(count);
        var client = Provider(api, o => o with { Area = area });
        var outcome = await client.SubmitAsync(RefreshTarget.Urls, urls, CancellationToken.None);
        Assert.True(outcome.Succeeded);
        return (client, outcome);
    }
}
