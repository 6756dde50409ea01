using System.Text.Json;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApiTests;

/// <summary>Batch limit, known hosts and tokens, on a server configured for them; theories over both APIs.</summary>
public class BatchLimitAndTokenTests : FakeApiTestBase
{
    protected override FakeTencentApiOptions Options => new()
    {
        Clock = () => Now,
        KnownHosts = new[] { "www.example.com" },
        Token = "fakeSessionToken",
    };

    [Theory]
    [InlineData("v2")]
    [InlineData("v3")]
    public async Task ThousandUrls_AreAccepted(string flavour)
    {
        JsonElement body = await RefreshUrlsAsync(flavour, SignedRequests.Urls(1000), token: "fakeSessionToken");

        Assert.Null(ErrorCode(flavour, body));
    }

    [Theory]
    [InlineData("v2", "4000 22043", "(22043)单次提交刷新URL超出上限")]
    [InlineData("v3", "LimitExceeded.CdnPurgeUrlExceedBatchLimit", "1001 URLs submitted; at most 1000 URLs can be purged per request.")]
    public async Task MoreThanThousandUrls_IsTheBatchLimitError(string flavour, string code, string message)
    {
        JsonElement body = await RefreshUrlsAsync(flavour, SignedRequests.Urls(1001), token: "fakeSessionToken");

        Assert.Equal(code, ErrorCode(flavour, body));
        Assert.Equal(message, ErrorMessage(flavour, body));
    }

    [Theory]
    [InlineData("v2", "4000 9110", "(9110)没有这个域名的信息 cdn no such host")]
    [InlineData("v3", "ResourceNotFound.CdnHostNotExists", "The domain `static.other.com` does not exist in this account.")]
    public async Task UrlOnUnknownHost_IsTheNoSuchHostError(string flavour, string code, string message)
    {
        JsonElement body = await RefreshUrlsAsync(flavour, SignedRequests.Urls(1, "static.other.com"), token: "fakeSessionToken");

        Assert.Equal(code, ErrorCode(flavour, body));
        Assert.Equal(message, ErrorMessage(flavour, body));
    }

    [Theory]
    [InlineData("v2", "4100 AuthFailure")]
    [InlineData("v3", "AuthFailure.TokenFailure")]
    public async Task MissingConfiguredToken_IsAnAuthFailure(string flavour, string code)
    {
        JsonElement body = await RefreshUrlsAsync(flavour, SignedRequests.Urls(1));

        Assert.Equal(code, ErrorCode(flavour, body));
    }

    [Fact]
    public async Task V2FifteenHundredUrls_Is22043_NotAFormLimitError()
    {
        JsonElement body = await RefreshUrlsAsync("v2", SignedRequests.Urls(1500), token: "fakeSessionToken");

        Assert.Equal("22043", body.GetProperty("codeDesc").GetString());
    }

    [Fact]
    public async Task V2GetLongerThan32KB_IsHttp501()
    {
        var parameters = SignedRequests.V2Parameters("RefreshCdnOverSeaUrl", NowSeconds, NextNonce(), SignedRequests.Urls(1000));

        var (status, _) = await SendAsync(SignedRequests.V2(Server.V2Endpoint, parameters, "GET"));

        Assert.Equal(501, status);
    }

    [Fact]
    public async Task V3WrongToken_IsTokenFailure()
    {
        JsonElement body = await RefreshUrlsAsync("v3", SignedRequests.Urls(1), token: "other");

        Assert.Equal("AuthFailure.TokenFailure", V3ErrorCode(body));
    }
}
