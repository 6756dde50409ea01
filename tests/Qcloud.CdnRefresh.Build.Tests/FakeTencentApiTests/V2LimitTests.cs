using System.Text.Json;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApiTests;

/// <summary>Batch limit, known hosts and tokens for API 2.0.</summary>
public class V2LimitTests : FakeApiTestBase
{
    protected override FakeTencentApiOptions Options => new()
    {
        Clock = () => Now,
        KnownHosts = new[] { "www.example.com" },
        Token = "fakeSessionToken",
    };

    private Task<JsonElement> RefreshAsync(int count, string host = "www.example.com", string? token = "fakeSessionToken")
    {
        var parameters = SignedRequests.V2Parameters("RefreshCdnOverSeaUrl", NowSeconds, NextNonce(), SignedRequests.Urls(count, host));
        if (token is not null)
        {
            parameters["Token"] = token;
        }

        return SendJsonAsync(SignedRequests.V2(Server.V2Endpoint, parameters));
    }

    [Fact]
    public async Task ThousandUrls_AreAccepted()
    {
        Assert.Equal(0, V2Code(await RefreshAsync(1000)));
    }

    [Fact]
    public async Task MoreThanThousandUrls_Is22043()
    {
        JsonElement body = await RefreshAsync(1001);

        Assert.Equal("{\"code\":4000,\"message\":\"(22043)单次提交刷新URL超出上限\",\"codeDesc\":\"22043\"}", body.GetRawText());
    }

    [Fact]
    public async Task FifteenHundredUrls_Is22043_NotAFormLimitError()
    {
        Assert.Equal("22043", (await RefreshAsync(1500)).GetProperty("codeDesc").GetString());
    }

    [Fact]
    public async Task GetLongerThan32KB_IsHttp501()
    {
        var parameters = SignedRequests.V2Parameters("RefreshCdnOverSeaUrl", NowSeconds, NextNonce(), SignedRequests.Urls(1000));

        var (status, _) = await SendAsync(SignedRequests.V2(Server.V2Endpoint, parameters, "GET"));

        Assert.Equal(501, status);
    }

    [Fact]
    public async Task UrlOnUnknownHost_Is9110()
    {
        JsonElement body = await RefreshAsync(1, "static.other.com");

        Assert.Equal("{\"code\":4000,\"message\":\"(9110)没有这个域名的信息 cdn no such host\",\"codeDesc\":\"9110\"}", body.GetRawText());
    }

    [Fact]
    public async Task MissingConfiguredToken_Is4100()
    {
        Assert.Equal(4100, V2Code(await RefreshAsync(1, token: null)));
    }
}
