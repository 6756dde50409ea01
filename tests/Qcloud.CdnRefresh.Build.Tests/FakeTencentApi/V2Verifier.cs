using System;
using System.Globalization;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>The API 2.0 common checks: required parameters, key, signature, token, then replay protection.</summary>
internal static class V2Verifier
{
    private const int WindowSeconds = 2 * 60 * 60;
    private const int MaxGetBytes = 32 * 1024;
    private static readonly string[] Required = { "Action", "SecretId", "Timestamp", "Nonce", "Signature" };

    public static ApiOutcome AuthFailure() => ResponseBodies.V2Error(4100, "鉴权失败", "AuthFailure");

    /// <summary>Pure: verifies without touching the nonce store, so a faulted request has no effect.</summary>
    public static SignatureCheck Check(IncomingRequest request, FakeApiState state)
    {
        if (request.Method != "GET" && request.Method != "POST")
        {
            return SignatureCheck.Fail(ResponseBodies.V2Error(4600, "(4600)协议不支持: GET 或 POST", "UnsupportedProtocol"));
        }

        if (request.Method == "GET" && request.Path.Length + request.QueryString.Length > MaxGetBytes)
        {
            return SignatureCheck.Fail(new ApiOutcome { StatusCode = 501, ContentType = "text/plain", Body = "Not Implemented" });
        }

        foreach (string name in Required)
        {
            if (!request.Parameters.TryGetValue(name, out string? value) || value.Length == 0)
            {
                return SignatureCheck.Fail(ResponseBodies.V2Error(4000, $"(4000)请求失败，缺少参数:[{name}]", "MissingParameter"));
            }
        }

        string? secretKey = state.SecretKeyFor(request.Parameters["SecretId"]);
        request.Parameters.TryGetValue("SignatureMethod", out string? method);
        string stringToSign = V2Signature.BuildStringToSign(request.Method, request.Host, request.Path, request.Parameters);
        if (secretKey is null)
        {
            return SignatureCheck.Fail(AuthFailure(), stringToSign);
        }

        string expected = V2Signature.Compute(stringToSign, secretKey, method);
        if (!V3Verifier.SameText(expected, request.Parameters["Signature"]))
        {
            return SignatureCheck.Fail(AuthFailure(), stringToSign);
        }

        request.Parameters.TryGetValue("Token", out string? token);
        if (!V3Verifier.TokenMatches(state.Options.Token, token))
        {
            return new SignatureCheck(true, stringToSign, AuthFailure());
        }

        if (!long.TryParse(request.Parameters["Timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp)
            || Math.Abs(state.Now.ToUnixTimeSeconds() - timestamp) > WindowSeconds)
        {
            return new SignatureCheck(true, stringToSign, Replay("Timestamp 与服务器时间相差超过2小时"));
        }

        return new SignatureCheck(true, stringToSign, null);
    }

    /// <summary>Consumes the nonce; only called for a verified request that is really processed.</summary>
    public static ApiOutcome? UseNonce(IncomingRequest request, FakeApiState state) =>
        state.TryUseNonce(request.Parameters["SecretId"], request.Parameters["Nonce"])
            ? null
            : Replay("Nonce 已被使用");

    private static ApiOutcome Replay(string why) => ResponseBodies.V2Error(4500, "(4500)请求重放攻击: " + why, "RequestReplay");
}
