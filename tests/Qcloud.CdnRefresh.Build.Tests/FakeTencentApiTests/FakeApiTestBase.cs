using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApiTests;

/// <summary>A fresh server per test (faults, quota and nonces are state) with a frozen clock.</summary>
public abstract class FakeApiTestBase : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    protected static readonly long NowSeconds = Now.ToUnixTimeSeconds();

    private static long _nonce = 1000;

    protected FakeTencentApiServer Server { get; private set; } = null!;

    protected HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    protected virtual FakeTencentApiOptions Options => new() { Clock = () => Now };

    public async Task InitializeAsync() => Server = await FakeTencentApiServer.StartAsync(Options);

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    protected static long NextNonce() => System.Threading.Interlocked.Increment(ref _nonce);

    protected async Task<(int Status, string Body)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (HttpResponseMessage response = await Http.SendAsync(request))
        {
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    protected async Task<JsonElement> SendJsonAsync(HttpRequestMessage request)
    {
        var (status, body) = await SendAsync(request);
        Assert.Equal(200, status);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    protected Task<JsonElement> PurgeAsync(string json, long? timestamp = null) =>
        SendJsonAsync(SignedRequests.V3(Server.V3Endpoint, "PurgeUrlsCache", json, timestamp ?? NowSeconds));

    protected Task<JsonElement> RefreshV2Async(int urlCount, string action = "RefreshCdnOverSeaUrl") =>
        SendJsonAsync(SignedRequests.V2(
            Server.V2Endpoint, SignedRequests.V2Parameters(action, NowSeconds, NextNonce(), SignedRequests.Urls(urlCount))));

    /// <summary>
    /// A signed URL refresh in <paramref name="flavour"/>: v2 <c>RefreshCdnOverSeaUrl</c> as a form, v3
    /// <c>PurgeUrlsCache</c> as JSON (or <paramref name="action"/>), for theories over both APIs.
    /// </summary>
    protected Task<JsonElement> RefreshUrlsAsync(
        string flavour, IEnumerable<string> urls, string? action = null, long? timestamp = null, string? token = null,
        string secretId = FakeTencentApiOptions.DefaultSecretId, Func<string, string>? tamper = null)
    {
        if (flavour == "v3")
        {
            return SendJsonAsync(SignedRequests.V3(
                Server.V3Endpoint, action ?? "PurgeUrlsCache", SignedRequests.PurgeBody(urls), timestamp ?? NowSeconds,
                secretId: secretId, token: token, tamper: tamper));
        }

        var parameters = SignedRequests.V2Parameters(action ?? "RefreshCdnOverSeaUrl", timestamp ?? NowSeconds, NextNonce(), urls, secretId);
        if (token is not null)
        {
            parameters["Token"] = token;
        }

        return SendJsonAsync(SignedRequests.V2(Server.V2Endpoint, parameters, tamper: tamper));
    }

    /// <summary>v2: <c>code codeDesc</c> (<c>4000 22043</c>); v3: <c>Error.Code</c>; null when the answer is a success.</summary>
    protected static string? ErrorCode(string flavour, JsonElement body) =>
        flavour == "v3" ? V3ErrorCode(body)
        : V2Code(body) == 0 ? null
        : V2Code(body) + " " + body.GetProperty("codeDesc").GetString();

    /// <summary>v2's <c>message</c> or v3's <c>Error.Message</c>.</summary>
    protected static string? ErrorMessage(string flavour, JsonElement body) =>
        flavour == "v3"
            ? body.GetProperty("Response").GetProperty("Error").GetProperty("Message").GetString()
            : body.GetProperty("message").GetString();

    protected static string? V3ErrorCode(JsonElement body) =>
        body.GetProperty("Response").TryGetProperty("Error", out JsonElement error) ? error.GetProperty("Code").GetString() : null;

    protected static int V2Code(JsonElement body) => body.GetProperty("code").GetInt32();
}
