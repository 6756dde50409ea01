using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApiTests;

public class V3ApiTests : FakeApiTestBase
{
    protected override FakeTencentApiOptions Options => new() { Clock = () => Now, DailyQuota = 5 };

    private Task<JsonElement> SendAsync(string action, string json, long? timestamp = null, string? token = null) =>
        SendJsonAsync(SignedRequests.V3(Server.V3Endpoint, action, json, timestamp ?? NowSeconds, token: token));

    [Fact]
    public async Task SignedPurgeUrlsCache_Succeeds_WithTaskIdAndRequestId()
    {
        JsonElement body = await PurgeAsync(SignedRequests.PurgeBody(SignedRequests.Urls(2)));

        JsonElement response = body.GetProperty("Response");
        Assert.Null(V3ErrorCode(body));
        Assert.Matches("^[0-9]+-[0-9a-z]{8}$", response.GetProperty("TaskId").GetString());
        Assert.Matches("^[0-9a-f-]{36}$", response.GetProperty("RequestId").GetString());
        Assert.Equal(2, Server.UrlsAccepted("overseas"));
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
    public async Task SignatureOneCharacterOff_IsSignatureFailure()
    {
        JsonElement body = await SendJsonAsync(SignedRequests.V3(
            Server.V3Endpoint, "PurgeUrlsCache", SignedRequests.PurgeBody(SignedRequests.Urls(1)), NowSeconds,
            tamper: SignedRequests.OneCharOff));

        Assert.Equal("AuthFailure.SignatureFailure", V3ErrorCode(body));
        Assert.Equal(0, Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task SignatureOverADifferentHost_IsSignatureFailure()
    {
        // The Host header as sent (127.0.0.1:PORT) is signed; a client that signs its configured host would fail.
        var request = SignedRequests.V3(Server.V3Endpoint, "DescribePurgeQuota", "{}", NowSeconds);
        request.Headers.Host = "cdn.tencentcloudapi.com";

        Assert.Equal("AuthFailure.SignatureFailure", V3ErrorCode(await SendJsonAsync(request)));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task TimestampMoreThanFiveMinutesOff_IsSignatureExpire(int offset)
    {
        JsonElement body = await SendAsync("DescribePurgeQuota", "{}", NowSeconds + offset);

        Assert.Equal("AuthFailure.SignatureExpire", V3ErrorCode(body));
    }

    [Fact]
    public async Task TimestampWithinFiveMinutes_IsAccepted()
    {
        Assert.Null(V3ErrorCode(await SendAsync("DescribePurgeQuota", "{}", NowSeconds - 300)));
    }

    [Fact]
    public async Task UnknownSecretId_IsSecretIdNotFound()
    {
        JsonElement body = await SendJsonAsync(SignedRequests.V3(
            Server.V3Endpoint, "DescribePurgeQuota", "{}", NowSeconds, secretId: "AKIDsomeoneElse000000000000000000000"));

        Assert.Equal("AuthFailure.SecretIdNotFound", V3ErrorCode(body));
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
    public async Task UnknownAction_IsInvalidAction()
    {
        Assert.Equal("InvalidAction", V3ErrorCode(await SendAsync("PurgeEverything", "{}")));
    }

    [Fact]
    public async Task UnknownBodyParameter_IsUnknownParameter()
    {
        JsonElement body = await SendAsync("PurgeUrlsCache", "{\"urls\":[\"https://www.example.com/a\"]}");

        Assert.Equal("UnknownParameter", V3ErrorCode(body));
    }

    [Theory]
    [InlineData("ftp://www.example.com/a.js")]
    [InlineData("www.example.com/a.js")]
    [InlineData("/a.js")]
    public async Task NonHttpUrl_IsCdnParamError(string url)
    {
        JsonElement body = await PurgeAsync(SignedRequests.PurgeBody(new[] { "https://www.example.com/ok.js", url }));

        Assert.Equal("InvalidParameter.CdnParamError", V3ErrorCode(body));
        Assert.Equal(0, Server.UrlsAccepted("overseas"));
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
    public async Task DailyQuota_RefusesRequestThatWouldExceedIt_AndChargesNothing()
    {
        await PurgeAsync(SignedRequests.PurgeBody(SignedRequests.Urls(3)));

        JsonElement body = await PurgeAsync(SignedRequests.PurgeBody(SignedRequests.Urls(3)));

        Assert.Equal("LimitExceeded.CdnPurgeUrlExceedDayLimit", V3ErrorCode(body));
        Assert.Equal(3, Server.UrlsAccepted("overseas"));
        Assert.Null(V3ErrorCode(await PurgeAsync(SignedRequests.PurgeBody(SignedRequests.Urls(2)))));
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
