using System.Text.Json;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApiTests;

/// <summary>How the fake answers a URL refresh, as theories over both APIs with each flavour's own codes and messages.</summary>
public class UrlRefreshApiTests : FakeApiTestBase
{
    protected override FakeTencentApiOptions Options => new() { Clock = () => Now, DailyQuota = 5 };

    [Theory]
    [InlineData("v2")]
    [InlineData("v3")]
    public async Task SignedRefresh_IsAccepted_AndCharged(string flavour)
    {
        JsonElement body = await RefreshUrlsAsync(flavour, new[] { "https://www.example.com/a.js", "https://www.example.com/b.js" });

        Assert.Null(ErrorCode(flavour, body));
        Assert.Equal(2, Server.UrlsAccepted("overseas"));
    }

    [Theory]
    [InlineData("v2", "4100 AuthFailure", "鉴权失败")]
    [InlineData("v3", "AuthFailure.SignatureFailure", "The provided credentials could not be validated. Please check your signature is correct.")]
    public async Task SignatureOneCharacterOff_IsAnAuthFailure_AndChargesNothing(string flavour, string code, string message)
    {
        JsonElement body = await RefreshUrlsAsync(flavour, SignedRequests.Urls(1), tamper: SignedRequests.OneCharOff);

        Assert.Equal(code, ErrorCode(flavour, body));
        Assert.Equal(message, ErrorMessage(flavour, body));
        Assert.Equal(0, Server.UrlsAccepted("overseas"));
    }

    [Theory]
    [InlineData("v2", "4100 AuthFailure")]
    [InlineData("v3", "AuthFailure.SecretIdNotFound")]
    public async Task UnknownSecretId_IsAnAuthFailure(string flavour, string code)
    {
        JsonElement body = await RefreshUrlsAsync(flavour, SignedRequests.Urls(1), secretId: "AKIDsomeoneElse000000000000000000000");

        Assert.Equal(code, ErrorCode(flavour, body));
    }

    /// <summary>v2 allows two hours of clock difference, v3 five minutes.</summary>
    [Theory]
    [InlineData("v2", -7201, "4500 RequestReplay")]
    [InlineData("v2", 7201, "4500 RequestReplay")]
    [InlineData("v3", -301, "AuthFailure.SignatureExpire")]
    [InlineData("v3", 301, "AuthFailure.SignatureExpire")]
    public async Task TimestampOutsideTheWindow_IsRefused(string flavour, int offset, string code)
    {
        JsonElement body = await RefreshUrlsAsync(flavour, SignedRequests.Urls(1), timestamp: NowSeconds + offset);

        Assert.Equal(code, ErrorCode(flavour, body));
    }

    [Theory]
    [InlineData("v2", -7200)]
    [InlineData("v3", -300)]
    public async Task TimestampAtTheEdgeOfTheWindow_IsAccepted(string flavour, int offset)
    {
        JsonElement body = await RefreshUrlsAsync(flavour, SignedRequests.Urls(1), timestamp: NowSeconds + offset);

        Assert.Null(ErrorCode(flavour, body));
    }

    [Theory]
    [InlineData("v2", "CdnOverseaPushser", "4000 InvalidAction")]
    [InlineData("v3", "PurgeEverything", "InvalidAction")]
    public async Task UnknownAction_IsInvalidAction(string flavour, string action, string code)
    {
        JsonElement body = await RefreshUrlsAsync(flavour, SignedRequests.Urls(1), action: action);

        Assert.Equal(code, ErrorCode(flavour, body));
    }

    [Theory]
    [InlineData("v2", "ftp://www.example.com/b.js", "4000 InvalidParameter", "(4000)请求失败，参数错误:[urls]")]
    [InlineData("v3", "ftp://www.example.com/a.js", "InvalidParameter.CdnParamError", "Invalid URL `ftp://www.example.com/a.js`: URLs must start with http:// or https://.")]
    [InlineData("v3", "www.example.com/a.js", "InvalidParameter.CdnParamError", "Invalid URL `www.example.com/a.js`: URLs must start with http:// or https://.")]
    [InlineData("v3", "/a.js", "InvalidParameter.CdnParamError", "Invalid URL `/a.js`: URLs must start with http:// or https://.")]
    public async Task NonHttpUrl_IsAParameterError_AndChargesNothing(string flavour, string url, string code, string message)
    {
        JsonElement body = await RefreshUrlsAsync(flavour, new[] { "https://www.example.com/ok.js", url });

        Assert.Equal(code, ErrorCode(flavour, body));
        Assert.Equal(message, ErrorMessage(flavour, body));
        Assert.Equal(0, Server.UrlsAccepted("overseas"));
    }

    [Theory]
    [InlineData("v2", "4000 22044", "(22044)URL刷新数目超出单日限额")]
    [InlineData("v3", "LimitExceeded.CdnPurgeUrlExceedDayLimit", "Daily URL purge quota exceeded in area `overseas`: 3 submitted, 2 left today.")]
    public async Task DailyQuota_RefusesARequestThatWouldExceedIt_AndChargesNothing(string flavour, string code, string message)
    {
        await RefreshUrlsAsync(flavour, SignedRequests.Urls(3));

        JsonElement body = await RefreshUrlsAsync(flavour, SignedRequests.Urls(3));

        Assert.Equal(code, ErrorCode(flavour, body));
        Assert.Equal(message, ErrorMessage(flavour, body));
        Assert.Equal(3, Server.UrlsAccepted("overseas"));
        Assert.Null(ErrorCode(flavour, await RefreshUrlsAsync(flavour, SignedRequests.Urls(2))));
    }
}
