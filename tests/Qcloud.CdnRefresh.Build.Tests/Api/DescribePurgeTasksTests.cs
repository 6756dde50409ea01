using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

public class DescribePurgeTasksTests
{
    private const string TaskId = "1700000000-abcdefgh";

    private readonly ClientHarness harness = new();

    [Fact]
    public async Task DescribePurgeTasks_SendsTaskIdPurgeTypeOffsetLimitAndArea()
    {
        harness.Handler.RespondJson(Page(total: 1, ("https://a.example/1.js", "done")));

        await harness.V3().DescribePurgeTasksAsync(TaskId, V3Provider.PurgeTypePath, CancellationToken.None);

        var request = harness.Handler.Requests.Single();
        Assert.Equal("DescribePurgeTasks", request.Header("X-TC-Action"));
        Assert.Equal(
            "{\"PurgeType\":\"path\",\"TaskId\":\"" + TaskId + "\",\"Offset\":0,\"Limit\":100,\"Area\":\"overseas\"}",
            request.BodyText);
    }

    [Fact]
    public async Task DescribePurgeTasks_ReadsPagesUntilTotalCount_MovingOffsetByWhatCame()
    {
        // The server answers fewer than the Limit asked for: the offset follows what came, not the Limit.
        harness.Handler
            .RespondJson(Page(total: 3, ("https://a.example/1.js", "done"), ("https://a.example/2.js", "done")))
            .RespondJson(Page(total: 3, ("https://a.example/3.js", "process")));

        var outcome = await harness.V3().DescribePurgeTasksAsync(TaskId, V3Provider.PurgeTypeUrl, CancellationToken.None);

        Assert.Null(outcome.Failure);
        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.Equal(new[] { 0, 2 }, harness.Handler.Requests.Select(r => JsonDocument.Parse(r.RawBody).RootElement.GetProperty("Offset").GetInt32()));
        Assert.Equal(new[] { "https://a.example/1.js", "https://a.example/2.js", "https://a.example/3.js" }, outcome.Statuses.Select(s => s.Url));
    }

    [Fact]
    public async Task DescribePurgeTasks_EmptyPageBeforeTotalCount_Stops()
    {
        harness.Handler
            .RespondJson(Page(total: 5, ("https://a.example/1.js", "done")))
            .RespondJson(Page(total: 5));

        var outcome = await harness.V3().DescribePurgeTasksAsync(TaskId, V3Provider.PurgeTypeUrl, CancellationToken.None);

        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.Single(outcome.Statuses);
    }

    [Theory]
    [InlineData("done", "Done")]
    [InlineData("process", "Running")]
    [InlineData("fail", "Failed")]
    [InlineData("queued", "Unknown")]
    public async Task DescribePurgeTasks_StatusText_MapsToRefreshStatus(string apiStatus, string expected)
    {
        harness.Handler.RespondJson(Page(total: 1, ("https://a.example/1.js", apiStatus)));

        var outcome = await harness.V3().DescribePurgeTasksAsync(TaskId, V3Provider.PurgeTypeUrl, CancellationToken.None);

        var status = outcome.Statuses.Single();
        Assert.Equal((RefreshStatus)Enum.Parse(typeof(RefreshStatus), expected), status.Status);
        Assert.Equal(apiStatus, status.ApiStatus);
        Assert.Equal(TaskId, status.TaskId);
    }

    [Fact]
    public async Task DescribePurgeTasks_FailureOnPage2_KeepsPage1AndTheFailure()
    {
        harness.Handler
            .RespondJson(Page(total: 2, ("https://a.example/1.js", "done")))
            .RespondJson(ClientHarness.V3Error("AuthFailure.SignatureExpire"));

        var outcome = await harness.V3().DescribePurgeTasksAsync(TaskId, V3Provider.PurgeTypeUrl, CancellationToken.None);

        Assert.Equal(ApiFailureKind.Authentication, outcome.Failure!.Kind);
        Assert.Single(outcome.Statuses);
    }

    [Fact]
    public async Task GetStatus_UrlMissingFromTheTask_IsUnknown_AndDirectoriesAskForPath()
    {
        harness.Handler.RespondJson(Page(total: 1, ("https://a.example/img/", "done")));
        var batch = new BatchOutcome
        {
            TaskId = TaskId,
            Urls = new[] { "https://a.example/img/", "https://a.example/css/" },
            SubmittedAt = harness.Time.Now(),
            Target = RefreshTarget.Directories,
        };

        var outcome = await harness.V3().GetStatusAsync(new[] { batch }, CancellationToken.None);

        Assert.Equal(new[] { RefreshStatus.Done, RefreshStatus.Unknown }, outcome.Statuses.Select(s => s.Status).ToArray());
        Assert.Contains("\"PurgeType\":\"path\"", harness.Handler.Requests.Single().BodyText);
    }

    [Fact]
    public async Task GetStatus_BatchWithoutTaskId_IsUnknownWithoutACall()
    {
        var batch = new BatchOutcome { Urls = new[] { "https://a.example/1.js" }, SubmittedAt = harness.Time.Now() };

        var outcome = await harness.V3().GetStatusAsync(new[] { batch }, CancellationToken.None);

        Assert.Equal(RefreshStatus.Unknown, outcome.Statuses.Single().Status);
        Assert.Empty(harness.Handler.Requests);
    }

    private static string Page(long total, params (string Url, string Status)[] entries) =>
        "{\"Response\":{\"PurgeLogs\":["
        + string.Join(",", entries.Select(e =>
            "{\"TaskId\":\"" + TaskId + "\",\"Url\":\"" + e.Url + "\",\"Status\":\"" + e.Status
            + "\",\"PurgeType\":\"url\",\"FlushType\":\"flush\",\"CreateTime\":\"2019-02-26 00:44:25\"}"))
        + "],\"TotalCount\":" + total + ",\"RequestId\":\"req-t\"}}";
}
