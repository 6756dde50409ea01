using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>The API 3.0 common checks, in the order Tencent documents its errors: headers, clock, key, signature, token.</summary>
internal static class V3Verifier
{
    public const string Version = "2018-06-06";
    public const string Service = "cdn";
    private const int WindowSeconds = 300;

    /// <summary>The checks for <paramref name="service"/> at <paramref name="version"/> (CDN's unless told otherwise).</summary>
    public static SignatureCheck Check(IncomingRequest request, FakeApiState state, string version = Version, string service = Service)
    {
        if (request.Method != "POST")
        {
            return SignatureCheck.Fail(ResponseBodies.V3Error("UnsupportedProtocol", "This fake answers API 3.0 over POST only."));
        }

        if (string.IsNullOrEmpty(request.Action))
        {
            return SignatureCheck.Fail(Missing("X-TC-Action"));
        }

        string? sentVersion = request.Header("X-TC-Version");
        if (string.IsNullOrEmpty(sentVersion))
        {
            return SignatureCheck.Fail(Missing("X-TC-Version"));
        }

        if (sentVersion != version)
        {
            return SignatureCheck.Fail(ResponseBodies.V3Error(
                "NoSuchVersion", $"The requested version `{sentVersion}` of service `{service}` does not exist."));
        }

        Tc3Authorization? auth = Tc3Authorization.Parse(request.Header("Authorization"));
        if (auth is null)
        {
            return SignatureCheck.Fail(ResponseBodies.V3Error(
                "AuthFailure.InvalidAuthorization",
                "The Authorization header is missing or is not `TC3-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`."));
        }

        string? timestampText = request.Header("X-TC-Timestamp");
        if (string.IsNullOrEmpty(timestampText))
        {
            return SignatureCheck.Fail(Missing("X-TC-Timestamp"));
        }

        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp))
        {
            return SignatureCheck.Fail(ResponseBodies.V3Error(
                "InvalidParameter", $"X-TC-Timestamp `{timestampText}` is not a Unix time in seconds."));
        }

        long now = state.Now.ToUnixTimeSeconds();
        if (Math.Abs(now - timestamp) > WindowSeconds)
        {
            return SignatureCheck.Fail(ResponseBodies.V3Error(
                "AuthFailure.SignatureExpire",
                $"Signature expired. Timestamp {timestamp} is more than {WindowSeconds} seconds from the server time {now}."));
        }

        string? secretKey = state.SecretKeyFor(auth.SecretId);
        if (secretKey is null)
        {
            return SignatureCheck.Fail(ResponseBodies.V3Error(
                "AuthFailure.SecretIdNotFound", "The SecretId is not found, please ensure that your SecretId is correct."));
        }

        var names = auth.SignedHeaders.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (!names.Contains("content-type") || !names.Contains("host"))
        {
            return SignatureCheck.Fail(ResponseBodies.V3Error(
                "AuthFailure.InvalidAuthorization", "SignedHeaders must include at least `content-type;host`."));
        }

        var values = new List<KeyValuePair<string, string>>();
        foreach (string name in names)
        {
            string? value = request.Header(name);
            if (value is null)
            {
                return SignatureCheck.Fail(ResponseBodies.V3Error(
                    "AuthFailure.InvalidAuthorization", $"The signed header `{name}` is not in the request."));
            }

            values.Add(new(name, value));
        }

        var (expected, stringToSign) = Tc3Signature.SignPost(secretKey, service, timestamp, values, request.Body);
        if (auth.CredentialScope != Tc3Signature.CredentialScope(timestamp, service) || !SameText(expected, auth.Signature))
        {
            return SignatureCheck.Fail(
                ResponseBodies.V3Error(
                    "AuthFailure.SignatureFailure",
                    "The provided credentials could not be validated. Please check your signature is correct."),
                stringToSign);
        }

        if (!TokenMatches(state.Options.Token, request.Header("X-TC-Token")))
        {
            return new SignatureCheck(true, stringToSign, ResponseBodies.V3Error(
                "AuthFailure.TokenFailure", "Token verification failed. Check X-TC-Token for temporary credentials."));
        }

        return new SignatureCheck(true, stringToSign, null);
    }

    /// <summary>A configured token must be sent; with none configured, any sent token is foreign.</summary>
    internal static bool TokenMatches(string? expected, string? received) =>
        string.IsNullOrEmpty(expected) ? string.IsNullOrEmpty(received) : expected == received;

    internal static bool SameText(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static ApiOutcome Missing(string name) =>
        ResponseBodies.V3Error("MissingParameter", $"The request is missing a required parameter `{name}`.");
}
