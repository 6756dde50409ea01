using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApiTests;

/// <summary>The fake's EdgeOne: TC3 for service <c>teo</c> at 2022-09-01, its zone, <c>FailedList</c>, quotas and task status.</summary>
public class EdgeOneApiTests : FakeApiTestBase
{
    private const string Zone = FakeTencentApiOptions.DefaultZoneId;

    protected override FakeTencentApiOptions Options => new() { Clock = () => Now, DailyQuota = 5, KnownHosts = new[] { "www.example.com" } };

    private Task<JsonElement> SendAsync(string action, string json, string service = "teo", string version = "2022-09-01") =>
        SendJsonAsync(SignedRequests.V3(Server.EdgeOneEndpoint, action, json, NowSeconds, version: version, service: service));

    private static string Purge(params string[] targets) =>
        "{\"ZoneId\":\"" + Zone + "\",\"Type\":\"purge_url\",\"Targets\":[" + string.Join(",", targets.Select(t => "\"" + t + "\"")) + "]}";

    private static string? ErrorCode(JsonElement body) =>
        body.GetProperty("Response").TryGetProperty("Error", out JsonElement error) ? error.GetProperty("Code").GetString() : null;

    [Fact]
    public async Task CreatePurgeTask_SignedForTeo_IsAcceptedWithAJobIdAndNoFailures()
    {
        JsonElement body = await SendAsync("CreatePurgeTask", Purge("https://www.example.com/a.css"));

        JsonElement response = body.GetProperty("Response");
        Assert.Null(ErrorCode(body));
        Assert.False(string.IsNullOrEmpty(response.GetProperty("JobId").GetString()));
        Assert.Equal(0, response.GetProperty("FailedList").GetArrayLength());
    }

    [Fact]
    public async Task SignedForCdn_IsSignatureFailure()
    {
        Assert.Equal("AuthFailure.SignatureFailure", ErrorCode(await SendAsync("CreatePurgeTask", Purge("https://www.example.com/a.css"), service: "cdn")));
    }

    [Fact]
    public async Task CdnsVersion_IsNoSuchVersion()
    {
        Assert.Equal("NoSuchVersion", ErrorCode(await SendAsync("DescribeContentQuota", "{\"ZoneId\":\"" + Zone + "\"}", version: "2018-06-06")));
    }

    [Fact]
    public async Task AnotherZone_IsZoneNotFound()
    {
        Assert.Equal("ResourceNotFound.ZoneNotFound", ErrorCode(await SendAsync("DescribeContentQuota", "{\"ZoneId\":\"zone-other1\"}")));
    }

    [Fact]
    public async Task RejectedTargets_AreInTheFailedListWithTheirReason_AndOnlyTheRestIsCharged()
    {
        Server.RejectTargets("target is blocked", "https://www.example.com/b.css");

        JsonElement body = await SendAsync("CreatePurgeTask", Purge("https://www.example.com/a.css", "https://www.example.com/b.css", "https://other.example/c.css"));

        Assert.Equal(
            "[{\"Reason\":\"target is blocked\",\"Targets\":[\"https://www.example.com/b.css\"]},"
            + "{\"Reason\":\"The domain `other.example` is not in zone `zone-fake0test0`.\",\"Targets\":[\"https://other.example/c.css\"]}]",
            body.GetProperty("Response").GetProperty("FailedList").GetRawText());
        Assert.Equal(1, Server.UrlsAccepted(Zone));
    }

    [Fact]
    public async Task DescribeContentQuota_FallsAsTargetsAreAccepted()
    {
        await SendAsync("CreatePurgeTask", Purge("https://www.example.com/a.css", "https://www.example.com/b.css"));

        JsonElement body = await SendAsync("DescribeContentQuota", "{\"ZoneId\":\"" + Zone + "\"}");

        JsonElement url = body.GetProperty("Response").GetProperty("PurgeQuota").EnumerateArray().Single(q => q.GetProperty("Type").GetString() == "purge_url");
        Assert.Equal("{\"Type\":\"purge_url\",\"Batch\":1000,\"Daily\":5,\"DailyAvailable\":3}", url.GetRawText());
    }

    [Fact]
    public async Task MoreThanTheDailyAvailable_IsDailyQuota_AndChargesNothing()
    {
        JsonElement body = await SendAsync("CreatePurgeTask", Purge(Enumerable.Range(0, 6).Select(i => "https://www.example.com/" + i + ".css").ToArray()));

        Assert.Equal("LimitExceeded.DailyQuota", ErrorCode(body));
        Assert.Equal(0, Server.UrlsAccepted(Zone));
    }

    [Fact]
    public async Task DescribePurgeTasks_ByJobId_ReportsEachTarget_AndAFailedOneAsFailed()
    {
        Server.FailUrls("https://www.example.com/b.css");
        string jobId = (await SendAsync("CreatePurgeTask", Purge("https://www.example.com/a.css", "https://www.example.com/b.css")))
            .GetProperty("Response").GetProperty("JobId").GetString()!;
        await SendAsync("CreatePurgeTask", Purge("https://www.example.com/c.css"));

        JsonElement body = await SendAsync(
            "DescribePurgeTasks",
            "{\"ZoneId\":\"" + Zone + "\",\"StartTime\":\"2026-03-01T07:55:00Z\",\"EndTime\":\"2026-03-01T08:05:00Z\",\"Offset\":0,\"Limit\":100,"
            + "\"Filters\":[{\"Name\":\"job-id\",\"Values\":[\"" + jobId + "\"]}]}");

        JsonElement response = body.GetProperty("Response");
        Assert.Equal(2, response.GetProperty("TotalCount").GetInt32());
        Assert.Equal(
            new[] { ("https://www.example.com/a.css", "success"), ("https://www.example.com/b.css", "failed") },
            response.GetProperty("Tasks").EnumerateArray().Select(t => (t.GetProperty("Target").GetString()!, t.GetProperty("Status").GetString()!)));
    }
}
