using System.Text.Json;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApiTests;

/// <summary>Batch limit, known hosts and tokens, on a server configured for them.</summary>
public class V3LimitTests : FakeApiTestBase
{
    protected override FakeTencentApiOptions Options => new()
    {
        Clock = () => Now,
        KnownHosts = new[] { "www.example.com" },
        Token = "fakeSessionToken",
    };

    private Task<JsonElement> PurgeWithTokenAsync(string json) =>
        SendJsonAsync(SignedRequests.V3(Server.V3Endpoint, "PurgeUrlsCache", json, NowSeconds, token: "fakeSessionToken"));

    [Fact]
    public async Task ThousandUrls_AreAccepted()
    {
        Assert.Null(V3ErrorCode(await PurgeWithTokenAsync(SignedRequests.PurgeBody(SignedRequests.Urls(1000)))));
    }

    [Fact]
    public async Task MoreThanThousandUrls_IsBatchLimitExceeded()
    {
        JsonElement body = await PurgeWithTokenAsync(SignedRequests.PurgeBody(SignedRequests.Urls(1001)));

        Assert.Equal("LimitExceeded.CdnPurgeUrlExceedBatchLimit", V3ErrorCode(body));
    }

    [Fact]
    public async Task UrlOnUnknownHost_IsCdnHostNotExists()
    {
        JsonElement body = await PurgeWithTokenAsync(SignedRequests.PurgeBody(SignedRequests.Urls(1, "static.other.com")));

        Assert.Equal("ResourceNotFound.CdnHostNotExists", V3ErrorCode(body));
    }

    [Fact]
    public async Task MissingConfiguredToken_IsTokenFailure()
    {
        JsonElement body = await PurgeAsync(SignedRequests.PurgeBody(SignedRequests.Urls(1)));

        Assert.Equal("AuthFailure.TokenFailure", V3ErrorCode(body));
    }

    [Fact]
    public async Task WrongToken_IsTokenFailure()
    {
        JsonElement body = await SendJsonAsync(SignedRequests.V3(
            Server.V3Endpoint, "PurgeUrlsCache", SignedRequests.PurgeBody(SignedRequests.Urls(1)), NowSeconds, token: "other"));

        Assert.Equal("AuthFailure.TokenFailure", V3ErrorCode(body));
    }
}
