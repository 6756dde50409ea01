using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApiTests;

public class V2ApiTests : FakeApiTestBase
{
    protected override FakeTencentApiOptions Options => new() { Clock = () => Now, DailyQuota = 5 };

    private Dictionary<string, string> Overseas(params string[] urls) =>
        SignedRequests.V2Parameters("RefreshCdnOverSeaUrl", NowSeconds, NextNonce(), urls);

    private Task<JsonElement> SendV2Async(
        Dictionary<string, string> parameters, string method = "POST",
        Func<string, string>? tamper = null, Func<string, string>? encode = null) =>
        SendJsonAsync(SignedRequests.V2(Server.V2Endpoint, parameters, method, tamper: tamper, encode: encode));

    [Fact]
    public async Task SignedRefreshCdnOverSeaUrlPost_Succeeds_WithCount()
    {
        JsonElement body = await SendV2Async(Overseas("https://www.example.com/a.js", "https://www.example.com/b.js"));

        Assert.Equal(0, V2Code(body));
        Assert.Equal("Success", body.GetProperty("codeDesc").GetString());
        Assert.Equal(2, body.GetProperty("data").GetProperty("count").GetInt32());
        Assert.False(body.GetProperty("data").TryGetProperty("task_id", out _));
        Assert.Equal(2, Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task SignedRefreshCdnOverSeaUrlGet_Succeeds()
    {
        Assert.Equal(0, V2Code(await SendV2Async(Overseas("https://www.example.com/a.js"), "GET")));
    }

    [Fact]
    public async Task SignatureMethodHmacSha256_Succeeds()
    {
        var parameters = Overseas("https://www.example.com/a.js");
        parameters["SignatureMethod"] = "HmacSHA256";

        Assert.Equal(0, V2Code(await SendV2Async(parameters)));
    }

    [Fact]
    public async Task RefreshCdnUrl_ChargesMainland_AndAnswersNineteenDigitTaskId()
    {
        JsonElement body = await SendV2Async(SignedRequests.V2Parameters(
            "RefreshCdnUrl", NowSeconds, NextNonce(), new[] { "https://www.example.com/a.js" }));

        Assert.Matches("^[0-9]{19}$", body.GetProperty("data").GetProperty("task_id").GetString());
        Assert.Equal(1, Server.UrlsAccepted("mainland"));
        Assert.Equal(0, Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task SignatureOneCharacterOff_Is4100AuthFailure()
    {
        JsonElement body = await SendV2Async(Overseas("https://www.example.com/a.js"), tamper: SignedRequests.OneCharOff);

        Assert.Equal("{\"code\":4100,\"message\":\"鉴权失败\",\"codeDesc\":\"AuthFailure\"}", body.GetRawText());
    }

    [Fact]
    public async Task UnknownSecretId_Is4100AuthFailure()
    {
        var parameters = SignedRequests.V2Parameters(
            "RefreshCdnOverSeaUrl", NowSeconds, NextNonce(), new[] { "https://www.example.com/a.js" }, "AKIDsomeoneElse000000000000000000000");

        Assert.Equal(4100, V2Code(await SendV2Async(parameters)));
    }

    [Fact]
    public async Task PlusInUrlSentAsPercent2B_ArrivesAsPlusAndVerifies()
    {
        JsonElement body = await SendV2Async(Overseas("https://www.example.com/a+b.js"));

        Assert.Equal(0, V2Code(body));
        Assert.Equal("https://www.example.com/a+b.js", Assert.Single(Server.Requests).Urls[0]);
    }

    [Fact]
    public async Task PlusInUrlSentRaw_DecodesAsSpace_Is4100()
    {
        // A raw '+' in a form body means a space.
        JsonElement body = await SendV2Async(
            Overseas("https://www.example.com/a+b.js"), encode: v => Uri.EscapeDataString(v).Replace("%2B", "+"));

        Assert.Equal(4100, V2Code(body));
    }

    [Theory]
    [InlineData(-7201)]
    [InlineData(7201)]
    public async Task TimestampMoreThanTwoHoursOff_Is4500(int offset)
    {
        var parameters = SignedRequests.V2Parameters(
            "RefreshCdnOverSeaUrl", NowSeconds + offset, NextNonce(), new[] { "https://www.example.com/a.js" });

        JsonElement body = await SendV2Async(parameters);

        Assert.Equal(4500, V2Code(body));
        Assert.Equal("RequestReplay", body.GetProperty("codeDesc").GetString());
    }

    [Fact]
    public async Task NonceReplay_Is4500()
    {
        var parameters = Overseas("https://www.example.com/a.js");
        await SendV2Async(parameters);

        JsonElement body = await SendV2Async(parameters);

        Assert.Equal(4500, V2Code(body));
        Assert.Equal(1, Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task MissingNonce_Is4000()
    {
        var parameters = Overseas("https://www.example.com/a.js");
        parameters.Remove("Nonce");

        Assert.Equal(4000, V2Code(await SendV2Async(parameters)));
    }

    [Fact]
    public async Task NonHttpUrl_Is4000UrlsParameterError()
    {
        JsonElement body = await SendV2Async(Overseas("https://www.example.com/a.js", "ftp://www.example.com/b.js"));

        Assert.Equal("{\"code\":4000,\"message\":\"(4000)请求失败，参数错误:[urls]\",\"codeDesc\":\"InvalidParameter\"}", body.GetRawText());
    }

    [Fact]
    public async Task DailyQuota_Is22044_WhenRequestWouldExceedIt()
    {
        await RefreshV2Async(3);

        JsonElement body = await RefreshV2Async(3);

        Assert.Equal("{\"code\":4000,\"message\":\"(22044)URL刷新数目超出单日限额\",\"codeDesc\":\"22044\"}", body.GetRawText());
        Assert.Equal(3, Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task UnknownAction_Is4000InvalidAction()
    {
        JsonElement body = await SendV2Async(SignedRequests.V2Parameters("CdnOverseaPushser", NowSeconds, NextNonce(), Array.Empty<string>()));

        Assert.Equal(4000, V2Code(body));
        Assert.Equal("InvalidAction", body.GetProperty("codeDesc").GetString());
    }
}
