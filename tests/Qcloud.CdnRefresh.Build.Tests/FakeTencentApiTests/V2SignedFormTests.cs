using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApiTests;

/// <summary>What only API 2.0 answers: its form and query encodings, signature methods, nonces and the mainland task id.</summary>
public class V2SignedFormTests : FakeApiTestBase
{
    protected override FakeTencentApiOptions Options => new() { Clock = () => Now, DailyQuota = 5 };

    private Dictionary<string, string> Overseas(params string[] urls) =>
        SignedRequests.V2Parameters("RefreshCdnOverSeaUrl", NowSeconds, NextNonce(), urls);

    private Task<JsonElement> SendV2Async(
        Dictionary<string, string> parameters, string method = "POST",
        Func<string, string>? tamper = null, Func<string, string>? encode = null) =>
        SendJsonAsync(SignedRequests.V2(Server.V2Endpoint, parameters, method, tamper: tamper, encode: encode));

    [Fact]
    public async Task RefreshCdnOverSeaUrlAnswer_HasTheCount_AndNoTaskId()
    {
        JsonElement body = await SendV2Async(Overseas("https://www.example.com/a.js", "https://www.example.com/b.js"));

        Assert.Equal("Success", body.GetProperty("codeDesc").GetString());
        Assert.Equal(2, body.GetProperty("data").GetProperty("count").GetInt32());
        Assert.False(body.GetProperty("data").TryGetProperty("task_id", out _));
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
}
