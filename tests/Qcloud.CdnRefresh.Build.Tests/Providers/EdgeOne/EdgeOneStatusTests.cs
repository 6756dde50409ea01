using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Tests.Api;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Providers.EdgeOne;

/// <summary>EdgeOne's refresh status: <c>DescribePurgeTasks</c> filtered by <c>job-id</c>.</summary>
public class EdgeOneStatusTests
{
    private readonly ClientHarness harness = new();

    [Fact]
    public async Task Status_AsksForTheJobInAWindowAroundItsSubmission()
    {
        harness.Handler.RespondJson("{\"Response\":{\"TotalCount\":0,\"Tasks\":[],\"RequestId\":\"r\"}}");

        await harness.EdgeOne().GetStatusAsync(new[] { Batch("j-1", "https://www.example.com/0.jpg") }, CancellationToken.None);

        var request = harness.Handler.Requests.Single();
        Assert.Equal("DescribePurgeTasks", request.Header("X-TC-Action"));
        Assert.Equal(
            "{\"ZoneId\":\"zone-2noz78a8ev6k\",\"StartTime\":\"2019-02-25T16:39:25Z\",\"EndTime\":\"2019-02-25T16:49:25Z\",\"Offset\":0,\"Limit\":100,\"Filters\":[{\"Name\":\"job-id\",\"Values\":[\"j-1\"]}]}",
            request.BodyText);
    }

    [Theory]
    [InlineData("success", "Done")]
    [InlineData("processing", "Running")]
    [InlineData("failed", "Failed")]
    [InlineData("timeout", "Failed")]
    [InlineData("canceled", "Failed")]
    public async Task Status_MapsEachTaskStatus(string status, string expected)
    {
        harness.Handler.RespondJson(
            "{\"Response\":{\"TotalCount\":1,\"Tasks\":[{\"JobId\":\"j-1\",\"Target\":\"https://www.example.com/0.jpg\",\"Type\":\"purge_url\",\"Method\":\"invalidate\",\"Status\":\"" + status
            + "\",\"CreateTime\":\"2019-02-25T16:44:30Z\",\"UpdateTime\":\"2019-02-25T16:44:40Z\",\"FailType\":null,\"FailMessage\":null}],\"RequestId\":\"r\"}}");

        var outcome = await harness.EdgeOne().GetStatusAsync(new[] { Batch("j-1", "https://www.example.com/0.jpg") }, CancellationToken.None);

        Assert.Equal(expected, outcome.Statuses.Single().Status.ToString());
    }

    [Fact]
    public async Task Status_FailedTargets_AreTheFailedUrls()
    {
        harness.Handler.RespondJson(
            "{\"Response\":{\"TotalCount\":2,\"Tasks\":["
            + "{\"JobId\":\"j-1\",\"Target\":\"https://www.example.com/0.jpg\",\"Status\":\"success\",\"CreateTime\":\"2019-02-25T16:44:30Z\"},"
            + "{\"JobId\":\"j-1\",\"Target\":\"https://www.example.com/1.jpg\",\"Status\":\"failed\",\"CreateTime\":\"2019-02-25T16:44:30Z\",\"FailType\":\"taskFailed\",\"FailMessage\":\"origin unreachable\"}],\"RequestId\":\"r\"}}");

        var outcome = await harness.EdgeOne().GetStatusAsync(new[] { Batch("j-1", "https://www.example.com/0.jpg", "https://www.example.com/1.jpg") }, CancellationToken.None);

        Assert.Equal(new[] { "https://www.example.com/1.jpg" }, outcome.FailedUrls);
        Assert.Equal("failed (taskFailed)", outcome.Statuses[1].ApiStatus);
    }

    [Fact]
    public async Task Status_FollowsTotalCountOverPages()
    {
        harness.Handler
            .RespondJson("{\"Response\":{\"TotalCount\":2,\"Tasks\":[{\"JobId\":\"j-1\",\"Target\":\"https://www.example.com/0.jpg\",\"Status\":\"success\",\"CreateTime\":\"2019-02-25T16:44:30Z\"}],\"RequestId\":\"r\"}}")
            .RespondJson("{\"Response\":{\"TotalCount\":2,\"Tasks\":[{\"JobId\":\"j-1\",\"Target\":\"https://www.example.com/1.jpg\",\"Status\":\"success\",\"CreateTime\":\"2019-02-25T16:44:30Z\"}],\"RequestId\":\"r\"}}");

        var outcome = await harness.EdgeOne().GetStatusAsync(new[] { Batch("j-1", "https://www.example.com/0.jpg", "https://www.example.com/1.jpg") }, CancellationToken.None);

        Assert.Equal(new[] { "Done", "Done" }, outcome.Statuses.Select(s => s.Status.ToString()));
        Assert.Contains("\"Offset\":1,", harness.Handler.Requests[1].BodyText);
    }

    [Fact]
    public async Task Status_ABatchWithoutAJobId_IsUnknown_AndAsksNothing()
    {
        var outcome = await harness.EdgeOne().GetStatusAsync(new[] { Batch(null, "https://www.example.com/0.jpg") }, CancellationToken.None);

        Assert.Equal(RefreshStatus.Unknown, outcome.Statuses.Single().Status);
        Assert.Empty(harness.Handler.Requests);
    }

    private static BatchOutcome Batch(string? jobId, params string[] urls) => new()
    {
        TaskId = jobId,
        Urls = urls,
        SubmittedAt = DateTimeOffset.FromUnixTimeSeconds(ClientHarness.StartTimestamp),
    };
}
