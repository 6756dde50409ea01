using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V2;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

public class V2StatusTests
{
    // The harness clock, 2019-02-25 16:44:25 UTC, is already 2019-02-26 in Beijing.
    private const string BeijingNow = "2019-02-26 00:44:25";

    private readonly ClientHarness harness = new();

    [Fact]
    public async Task Overseas_AsksGetCdnOverseaRefreshLogForTheBeijingDateOfSubmission_WithoutAUrlFilter()
    {
        harness.Handler.RespondJson(OverseasLog());

        await harness.V2().GetStatusAsync(new[] { Batch("https://a.example/1.js") }, CancellationToken.None);

        var form = harness.Handler.Requests.Single().Form;
        Assert.Equal("GetCdnOverseaRefreshLog", form["Action"]);
        Assert.Equal("20190226", form["date"]);
        Assert.False(form.ContainsKey("url"));
    }

    [Fact]
    public async Task Overseas_StatusCodes_2Done_1Running_Minus1Failed_OtherUnknown()
    {
        harness.Handler.RespondJson(OverseasLog(("https://a.example/1.js", 2), ("https://a.example/2.js", 1), ("https://a.example/3.js", -1), ("https://a.example/4.js", 7)));

        var outcome = await harness.V2().GetStatusAsync(
            new[] { Batch("https://a.example/1.js", "https://a.example/2.js", "https://a.example/3.js", "https://a.example/4.js") },
            CancellationToken.None);

        Assert.Equal(
            new[] { RefreshStatus.Done, RefreshStatus.Running, RefreshStatus.Failed, RefreshStatus.Unknown },
            outcome.Statuses.Select(s => s.Status).ToArray());
        Assert.Equal(new[] { "https://a.example/3.js" }, outcome.FailedUrls);
    }

    [Fact]
    public async Task Overseas_BatchesOfTheSameDay_ShareOneCall()
    {
        harness.Handler.RespondJson(OverseasLog(("https://a.example/1.js", 2), ("https://a.example/2.js", 2)));

        var outcome = await harness.V2().GetStatusAsync(new[] { Batch("https://a.example/1.js"), Batch("https://a.example/2.js") }, CancellationToken.None);

        Assert.Single(harness.Handler.Requests);
        Assert.All(outcome.Statuses, s => Assert.Equal(RefreshStatus.Done, s.Status));
    }

    [Fact]
    public async Task Overseas_EntryLoggedLongBeforeTheBatch_IsAnEarlierRefresh_SoUnknown()
    {
        harness.Handler.RespondJson(OverseasLog("2019-02-26 00:10:00", ("https://a.example/1.js", 2)));

        var outcome = await harness.V2().GetStatusAsync(new[] { Batch("https://a.example/1.js") }, CancellationToken.None);

        Assert.Equal(RefreshStatus.Unknown, outcome.Statuses.Single().Status);
    }

    [Fact]
    public async Task Overseas_NoLogsThatDay_AsPhpEmptyArray_IsUnknownNotAFailure()
    {
        harness.Handler.RespondJson("{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":[]}");

        var outcome = await harness.V2().GetStatusAsync(new[] { Batch("https://a.example/1.js") }, CancellationToken.None);

        Assert.Null(outcome.Failure);
        Assert.Equal(RefreshStatus.Unknown, outcome.Statuses.Single().Status);
    }

    [Fact]
    public async Task Mainland_WithTaskId_AsksGetCdnRefreshLogByTaskId()
    {
        harness.Handler.RespondJson(MainlandLog(1, "https://a.example/1.js"));

        await harness.V2(o => o with { Area = "mainland" }).GetStatusAsync(new[] { Batch("https://a.example/1.js") with { TaskId = "1480069888795584532" } }, CancellationToken.None);

        var form = harness.Handler.Requests.Single().Form;
        Assert.Equal("GetCdnRefreshLog", form["Action"]);
        Assert.Equal("1480069888795584532", form["taskId"]);
        Assert.False(form.ContainsKey("startDate"));
    }

    [Fact]
    public async Task Mainland_WithoutTaskId_AsksForTheBeijingDayOfSubmission()
    {
        harness.Handler.RespondJson(MainlandLog(1, "https://a.example/img/"));

        await harness.V2(o => o with { Area = "mainland" }).GetStatusAsync(new[] { Batch("https://a.example/img/") }, CancellationToken.None);

        var form = harness.Handler.Requests.Single().Form;
        Assert.Equal("2019-02-26 00:00:00", form["startDate"]);
        Assert.Equal("2019-02-26 23:59:59", form["endDate"]);
    }

    [Theory]
    [InlineData(1, "Done")]
    [InlineData(0, "Running")]
    [InlineData(-1, "Failed")]
    [InlineData(-3, "Failed")]
    [InlineData(5, "Unknown")]
    public async Task Mainland_StatusCodes_1Done_0Running_NegativeFailed(int code, string expected)
    {
        harness.Handler.RespondJson(MainlandLog(code, "https://a.example/1.js", "https://a.example/2.js"));

        var outcome = await harness.V2(o => o with { Area = "mainland" })
            .GetStatusAsync(new[] { Batch("https://a.example/1.js", "https://a.example/2.js") with { TaskId = "42" } }, CancellationToken.None);

        Assert.Equal(2, outcome.Statuses.Count);
        Assert.All(outcome.Statuses, s => Assert.Equal((RefreshStatus)Enum.Parse(typeof(RefreshStatus), expected), s.Status));
        Assert.All(outcome.Statuses, s => Assert.Equal("42", s.TaskId));

        // The log's own status code, so a batch never matched in the log (status Unknown, no ApiStatus) cannot pass.
        Assert.All(outcome.Statuses, s => Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), s.ApiStatus ?? "(none)"));
    }

    [Fact]
    public async Task LogQueryError_IsClassified_AndEveryEntryUnknown()
    {
        harness.Handler.RespondJson(ClientHarness.V2Error(4100, "鉴权失败", "\"AuthFailure\""));

        var outcome = await harness.V2().GetStatusAsync(new[] { Batch("https://a.example/1.js") }, CancellationToken.None);

        Assert.Equal(ApiFailureKind.Authentication, outcome.Failure!.Kind);
        Assert.Equal(RefreshStatus.Unknown, outcome.Statuses.Single().Status);
    }

    private BatchOutcome Batch(params string[] urls) => new() { Urls = urls, SubmittedAt = harness.Time.Now() };

    private static string OverseasLog(params (string Url, int Status)[] entries) => OverseasLog(BeijingNow, entries);

    private static string OverseasLog(string datetime, params (string Url, int Status)[] entries) =>
        "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"logs\":["
        + string.Join(",", entries.Select((e, i) =>
            "{\"id\":" + (100 + i) + ",\"app_id\":1,\"project_id\":0,\"host\":\"a.example\",\"url\":\"" + e.Url
            + "\",\"datetime\":\"" + datetime + "\",\"status\":" + e.Status + "}"))
        + "],\"total\":" + entries.Length + "}}";

    private static string MainlandLog(int status, params string[] urls) =>
        "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"logs\":[{\"id\":\"42\",\"app_id\":1,\"project_id\":0,"
        + "\"host\":\"a.example\",\"type\":0,\"status\":" + status + ",\"url_list\":["
        + string.Join(",", urls.Select(u => "\"" + u + "\"")) + "],\"datetime\":\"" + BeijingNow + "\"}],\"total\":1}}";
}
