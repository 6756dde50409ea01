using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApiTests;

public class RecordingTests : FakeApiTestBase
{
    [Fact]
    public async Task AcceptedV3Request_IsRecordedWithWhatWasSentAndAnswered()
    {
        string json = SignedRequests.PurgeBody(SignedRequests.Urls(2));

        await PurgeAsync(json);

        RecordedRequest r = Assert.Single(Server.Requests);
        Assert.Equal(
            (1L, ApiProtocol.V3, "POST", "/", "PurgeUrlsCache", "overseas", SignedRequests.JsonType),
            (r.Sequence, r.Protocol, r.Method, r.Path, r.Action, r.Area, r.ContentType));
        Assert.Equal(SignedRequests.Urls(2), r.Urls);
        Assert.Equal(json, r.BodyText);
        Assert.Equal("2018-06-06", r.Headers["x-tc-version"]);
        Assert.Equal(FakeTencentApiOptions.DefaultSecretId, r.SecretId);
        Assert.True(r.SignatureVerified);
        Assert.Equal((200, (string?)null), (r.StatusCode, r.ApiCode));
        Assert.NotNull(r.TaskId);
        Assert.Equal(Now, r.ReceivedAt);
    }

    [Fact]
    public async Task AcceptedV2Request_IsRecordedWithDecodedParameters()
    {
        await RefreshV2Async(3);

        RecordedRequest r = Assert.Single(Server.Requests);
        Assert.Equal((ApiProtocol.V2, "RefreshCdnOverSeaUrl", "overseas", "0"), (r.Protocol, r.Action, r.Area, r.ApiCode));
        Assert.Equal(SignedRequests.Urls(3), r.Urls);
        Assert.Equal("https://www.example.com/file2.js", r.Parameters["urls.2"]);
        Assert.StartsWith("application/x-www-form-urlencoded", r.ContentType);
        Assert.True(r.SignatureVerified);
    }

    [Fact]
    public async Task RejectedRequest_IsRecordedUnverified_WithTheServersStringToSign()
    {
        await SendAsync(SignedRequests.V3(
            Server.V3Endpoint, "PurgeUrlsCache", SignedRequests.PurgeBody(SignedRequests.Urls(1)), NowSeconds,
            tamper: SignedRequests.OneCharOff));

        RecordedRequest r = Assert.Single(Server.Requests);
        Assert.False(r.SignatureVerified);
        Assert.Equal("AuthFailure.SignatureFailure", r.ApiCode);
        Assert.StartsWith("TC3-HMAC-SHA256\n" + NowSeconds + "\n", r.ServerStringToSign);
    }

    [Fact]
    public async Task FaultedRequest_IsRecordedWithItsFault_AndItsSignatureStillChecked()
    {
        Server.InjectFault(FaultRule.GarbageBody());

        await SendAsync(SignedRequests.V2(
            Server.V2Endpoint, SignedRequests.V2Parameters("RefreshCdnOverSeaUrl", NowSeconds, NextNonce(), SignedRequests.Urls(1))));

        RecordedRequest r = Assert.Single(Server.Requests);
        Assert.Equal((FaultKind.GarbageBody, 200, true), (r.Fault, r.StatusCode, r.SignatureVerified));
    }

    [Fact]
    public async Task RequestToUnknownPath_IsRecordedAs404()
    {
        await SendAsync(new HttpRequestMessage(HttpMethod.Get, new System.Uri(Server.V3Endpoint, "nowhere")));

        RecordedRequest r = Assert.Single(Server.Requests);
        Assert.Equal((ApiProtocol.Unknown, 404), (r.Protocol, r.StatusCode));
    }

    [Fact]
    public async Task ParallelRequests_AreAllRecordedWithDistinctSequenceNumbers()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => RefreshV2Async(1)));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), Server.Requests.Select(r => r.Sequence).Order());
        Assert.Equal(20, Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task SetClock_MovesTheWindowThatTimestampsAreCheckedAgainst()
    {
        Server.SetClock(() => Now.AddMinutes(10));

        await PurgeAsync(SignedRequests.PurgeBody(SignedRequests.Urls(1)));

        Assert.Equal("AuthFailure.SignatureExpire", Assert.Single(Server.Requests).ApiCode);
    }

    [Fact]
    public void Endpoints_AreLoopbackWithTheBoundPort()
    {
        Assert.Equal("127.0.0.1", Server.V3Endpoint.Host);
        Assert.NotEqual(0, Server.V3Endpoint.Port);
        Assert.Equal("/", Server.V3Endpoint.AbsolutePath);
        Assert.Equal(new System.Uri(Server.V3Endpoint, "/v2/index.php"), Server.V2Endpoint);
    }
}
