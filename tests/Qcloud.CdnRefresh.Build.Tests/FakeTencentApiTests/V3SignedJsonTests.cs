using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApiTests;

/// <summary>What only API 3.0 answers: task ids, the signed host, tokens, versions, body parameters, areas and DescribePurgeQuota.</summary>
public class V3SignedJsonTests : FakeApiTestBase
{
    protected override FakeTencentApiOptions Options => new() { Clock = () => Now, DailyQuota = 5 };

    private Task<JsonElement> SendAsync(string action, string json, long? timestamp = null, string? token = null) =>
        SendJsonAsync(SignedRequests.V3(Server.V3Endpoint, action, json, timestamp ?? NowSeconds, token: token));

    [Fact]
    public async Task PurgeUrlsCacheAnswer_HasATaskIdAndARequestId()
    {
        JsonElement body = await PurgeAsync(SignedRequests.PurgeBody(SignedRequests.Urls(2)));

        JsonElement response = body.GetProperty("Response");
        Assert.Matches("^[0-9]+-[0-9a-z]{8}$", response.GetProperty("TaskId").GetString());
        Assert.Matches("^[0-9a-f-]{36}$", response.GetProperty("RequestId").GetString());
    }

    [Fact]
    public async Task PurgeUrlsCache_TaskIds_AreUnique()
    {
        string body = SignedRequests.PurgeBody(SignedRequests.Urls(1));

        JsonElement first = await PurgeAsync(body);
        JsonElement second = await PurgeAsync(body);

        Assert.NotEqual(
            first.GetProperty("Response").GetProperty("TaskId").GetString(),
            second.GetProperty("Response").GetProperty("TaskId").GetString());
    }

    [Fact]
    public async Task SignatureOverADifferentHost_IsSignatureFailure()
    {
        // The Host header as sent (127.0.0.1:PORT) is signed; a client that signs its configured host would fail.
        var request = SignedRequests.V3(Server.V3Endpoint, "DescribePurgeQuota", "{}", NowSeconds);
        request.Headers.Host = "cdn.tencentcloudapi.com";

        Assert.Equal("AuthFailure.SignatureFailure", V3ErrorCode(await SendJsonAsync(request)));
    }

    [Fact]
    public async Task TokenSentWithoutConfiguredToken_IsTokenFailure()
    {
        Assert.Equal("AuthFailure.TokenFailure", V3ErrorCode(await SendAsync("DescribePurgeQuota", "{}", token: "stray")));
    }

    [Fact]
    public async Task WrongVersion_IsNoSuchVersion()
    {
        JsonElement body = await SendJsonAsync(SignedRequests.V3(
            Server.V3Endpoint, "DescribePurgeQuota", "{}", NowSeconds, version: "2017-03-12"));

        Assert.Equal("NoSuchVersion", V3ErrorCode(body));
    }

    [Fact]
    public async Task UnknownBodyParameter_IsUnknownParameter()
    {
        JsonElement body = await SendAsync("PurgeUrlsCache", "{\"urls\":[\"https://www.example.com/a\"]}");

        Assert.Equal("UnknownParameter", V3ErrorCode(body));
    }

    [Fact]
    public async Task AreaOtherThanMainlandOrOverseas_IsCdnParamError()
    {
        JsonElement body = await PurgeAsync(SignedRequests.PurgeBody(SignedRequests.Urls(1), area: "global"));

        Assert.Equal("InvalidParameter.CdnParamError", V3ErrorCode(body));
    }

    [Fact]
    public async Task AreaOmitted_ChargesDefaultArea()
    {
        await PurgeAsync(SignedRequests.PurgeBody(SignedRequests.Urls(1), area: null));

        Assert.Equal(1, Server.UrlsAccepted("mainland"));
    }

    [Fact]
    public async Task DescribePurgeQuota_ReportsWhatIsLeftPerArea()
    {
        await PurgeAsync(SignedRequests.PurgeBody(SignedRequests.Urls(3)));

        JsonElement response = (await SendAsync("DescribePurgeQuota", "{}")).GetProperty("Response");

        var urlPurge = response.GetProperty("UrlPurge").EnumerateArray().ToDictionary(q => q.GetProperty("Area").GetString()!);
        Assert.Equal(2, urlPurge["overseas"].GetProperty("Available").GetInt32());
        Assert.Equal(5, urlPurge["mainland"].GetProperty("Available").GetInt32());
        Assert.Equal(5, urlPurge["overseas"].GetProperty("Total").GetInt32());
        Assert.Equal(1000, urlPurge["overseas"].GetProperty("Batch").GetInt32());
        Assert.Equal(2, response.GetProperty("PathPurge").GetArrayLength());
    }
}
