using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApiTests;

/// <summary>The fake's directory and task-status actions, driven by hand-signed requests.</summary>
public class DirectoryAndTaskApiTests : FakeApiTestBase
{
    [Fact]
    public async Task PurgePathCache_PathWithoutTrailingSlash_IsAccepted_AndRecordedAsGiven()
    {
        JsonElement body = await V3Async("PurgePathCache", "{\"Paths\":[\"https://www.example.com/img\"],\"FlushType\":\"flush\",\"Area\":\"overseas\"}");

        Assert.Null(V3ErrorCode(body));
        Assert.Equal(new[] { "https://www.example.com/img" }, Server.Requests.Single().Paths);
        Assert.Equal(1, Server.PathsAccepted("overseas"));
    }

    [Fact]
    public async Task PurgePathCache_PathWithoutProtocol_IsCdnParamError()
    {
        JsonElement body = await V3Async("PurgePathCache", "{\"Paths\":[\"www.example.com/img/\"],\"FlushType\":\"flush\"}");

        Assert.Equal("InvalidParameter.CdnParamError", V3ErrorCode(body));
    }

    [Fact]
    public async Task PurgePathCache_WithoutFlushType_IsMissingParameter()
    {
        JsonElement body = await V3Async("PurgePathCache", "{\"Paths\":[\"https://www.example.com/img/\"]}");

        Assert.Equal("MissingParameter", V3ErrorCode(body));
    }

    [Fact]
    public async Task DescribePurgeTasks_WithoutLimit_Returns20Entries_AndTheTotalCount()
    {
        JsonElement purge = await PurgeAsync(SignedRequests.PurgeBody(SignedRequests.Urls(25)));
        string taskId = purge.GetProperty("Response").GetProperty("TaskId").GetString()!;

        JsonElement body = await V3Async("DescribePurgeTasks", "{\"TaskId\":\"" + taskId + "\"}");

        JsonElement response = body.GetProperty("Response");
        Assert.Equal(20, response.GetProperty("PurgeLogs").GetArrayLength());
        Assert.Equal(25, response.GetProperty("TotalCount").GetInt32());
        JsonElement first = response.GetProperty("PurgeLogs")[0];
        Assert.Equal("done", first.GetProperty("Status").GetString());
        Assert.Equal("url", first.GetProperty("PurgeType").GetString());
        Assert.Equal("2026-03-01 16:00:00", first.GetProperty("CreateTime").GetString());
    }

    [Fact]
    public async Task DescribePurgeTasks_WithoutTaskIdOrTimes_IsCdnParamError()
    {
        Assert.Equal("InvalidParameter.CdnParamError", V3ErrorCode(await V3Async("DescribePurgeTasks", "{\"PurgeType\":\"url\"}")));
    }

    [Fact]
    public async Task GetCdnOverseaRefreshLog_WithoutDate_Is4000()
    {
        JsonElement body = await V2Async(SignedRequests.V2Parameters("GetCdnOverseaRefreshLog", NowSeconds, NextNonce(), Enumerable.Empty<string>()));

        Assert.Equal(4000, V2Code(body));
        Assert.Equal("MissingParameter", body.GetProperty("codeDesc").GetString());
    }

    [Fact]
    public async Task GetCdnOverseaRefreshLog_UrlFilter_ReturnsOnlyThatUrl_WithStatus2()
    {
        await RefreshV2Async(3);
        var parameters = SignedRequests.V2Parameters("GetCdnOverseaRefreshLog", NowSeconds, NextNonce(), Enumerable.Empty<string>());
        parameters["date"] = "20260301";
        parameters["url"] = SignedRequests.Urls(3).ElementAt(1);

        JsonElement logs = (await V2Async(parameters)).GetProperty("data").GetProperty("logs");

        JsonElement entry = Assert.Single(logs.EnumerateArray());
        Assert.Equal(parameters["url"], entry.GetProperty("url").GetString());
        Assert.Equal(2, entry.GetProperty("status").GetInt32());
    }

    private Task<JsonElement> V3Async(string action, string json) =>
        SendJsonAsync(SignedRequests.V3(Server.V3Endpoint, action, json, NowSeconds));

    private Task<JsonElement> V2Async(System.Collections.Generic.Dictionary<string, string> parameters) =>
        SendJsonAsync(SignedRequests.V2(Server.V2Endpoint, parameters));
}
