using System;
using System.Collections.Generic;
using System.Linq;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers;
using Qcloud.CdnRefresh.Build.Providers.EdgeOne;
using Qcloud.CdnRefresh.Build.Providers.V2;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Signing;
using Qcloud.CdnRefresh.Build.Tests;
using Qcloud.CdnRefresh.Build.Tests.Refresh;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

/// <summary>A provider wired to a scripted transport, a fake clock (instant delays, timeouts on events) and counting nonces.</summary>
internal sealed class ClientHarness
{
    public const string SecretId = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA";
    public const string SecretKey = "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA";
    public const long StartTimestamp = 1551113065;

    public static readonly Uri V3Endpoint = new("http://127.0.0.1:5081/");
    public static readonly Uri V2Endpoint = new("http://127.0.0.1:5081/v2/index.php");
    public const string ZoneId = "zone-2noz78a8ev6k";

    public static readonly TencentCredentials Credentials = new(SecretId, SecretKey);

    private uint nextNonce = 1000;

    public ScriptedHttpHandler Handler { get; } = new();

    public FakeClock Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(StartTimestamp));

    public List<RetryNotice> Notices { get; } = new();

    public static string[] Urls(int count) =>
        Enumerable.Range(0, count).Select(i => "https://www.example.com/" + i + ".jpg").ToArray();

    public static string V3Success(string taskId = "1533045796-i60rfmzm", string requestId = "req-ok") =>
        "{\"Response\":{\"RequestId\":\"" + requestId + "\",\"TaskId\":\"" + taskId + "\"}}";

    public static string V3Error(string code, string message = "the message", string requestId = "req-err") =>
        "{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"" + message + "\"},\"RequestId\":\"" + requestId + "\"}}";

    public static string V2Success(int count = 1) =>
        "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"count\":" + count + "}}";

    public static string V2Error(int code, string message = "", string codeDesc = "\"InvalidParameter\"") =>
        "{\"code\":" + code + ",\"message\":\"" + message + "\",\"codeDesc\":" + codeDesc + "}";

    public ApiClientOptions Options(Uri endpoint) => new()
    {
        Endpoint = endpoint,
        Handler = Handler,
        Clock = Time.Now,
        Delay = Time.Delay,
        RequestTimer = Time.RequestTimer,
        Nonce = () => nextNonce++,
        Jitter = () => 0,
        InitialBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(1),
        RequestTimeout = TimeSpan.FromSeconds(5),
        OnRetry = Notices.Add,
    };

    /// <summary>The provider of <paramref name="flavour"/> (<c>v2</c>, <c>v3</c> or <c>edgeone</c>), for theories over them.</summary>
    public IRefreshProvider Provider(string flavour, Func<ApiClientOptions, ApiClientOptions>? adjust = null, TencentCredentials? credentials = null) =>
        flavour switch
        {
            "v2" => V2(adjust, credentials),
            "v3" => V3(adjust, credentials),
            "edgeone" => EdgeOne(adjust, credentials),
            _ => throw new ArgumentOutOfRangeException(nameof(flavour), flavour, "v2, v3 or edgeone"),
        };

    /// <summary>The action a request was sent as: v2's <c>Action</c> form field or v3's <c>X-TC-Action</c> header.</summary>
    public static string? ActionOf(FakeTencentApi.RecordedRequest request) =>
        IsV3(request) ? request.Header("X-TC-Action") : request.Form["Action"];

    /// <summary>The session token a request carried: v2's <c>Token</c> form field or v3's <c>X-TC-Token</c> header.</summary>
    public static string? TokenOf(FakeTencentApi.RecordedRequest request) =>
        IsV3(request) ? request.Header("X-TC-Token") : request.Form.TryGetValue("Token", out var token) ? token : null;

    private static bool IsV3(FakeTencentApi.RecordedRequest request) => request.Header("X-TC-Action") is not null;

    public V3Provider V3(Func<ApiClientOptions, ApiClientOptions>? adjust = null, TencentCredentials? credentials = null) =>
        new(Context(V3Endpoint, adjust, credentials));

    /// <summary>EdgeOne in the zone <see cref="ZoneId"/>, at the same loopback endpoint as v3.</summary>
    public EdgeOneProvider EdgeOne(Func<ApiClientOptions, ApiClientOptions>? adjust = null, TencentCredentials? credentials = null) =>
        new(Context(V3Endpoint, o => (adjust ?? (x => x))(o with { ZoneId = ZoneId }), credentials));

    public V2Provider V2(Func<ApiClientOptions, ApiClientOptions>? adjust = null, TencentCredentials? credentials = null) =>
        new(Context(V2Endpoint, adjust, credentials));

    private ProviderContext Context(Uri endpoint, Func<ApiClientOptions, ApiClientOptions>? adjust, TencentCredentials? credentials) => new(
        Client: (adjust ?? (o => o))(Options(endpoint)),
        Credentials: () => credentials ?? Credentials,
        Log: new RecordingLog());
}
