using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>
/// The fake's own implementation of TC3-HMAC-SHA256, independent of the
/// product's signer. Each step is public so the official vectors can pin it down.
/// </summary>
public static class Tc3Signature
{
    public const string Algorithm = "TC3-HMAC-SHA256";

    public static string HexSha256(byte[] data)
    {
        using var sha = SHA256.Create();
        return Hex(sha.ComputeHash(data));
    }

    public static string HexSha256(string text) => HexSha256(Encoding.UTF8.GetBytes(text));

    /// <summary>UTC date of the timestamp: the doc warns that a local (UTC+8) date breaks around midnight.</summary>
    public static string Date(long timestamp) =>
        DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string CredentialScope(long timestamp, string service) => Date(timestamp) + "/" + service + "/tc3_request";

    /// <summary>Header names and values lowercased and trimmed, in the order of <paramref name="headers"/>.</summary>
    public static string CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers) =>
        string.Concat(headers.Select(h => h.Key.Trim().ToLowerInvariant() + ":" + h.Value.Trim().ToLowerInvariant() + "\n"));

    public static string CanonicalRequest(
        string method, string canonicalQuery, string canonicalHeaders, string signedHeaders, string hashedPayload) =>
        method.ToUpperInvariant() + "\n/\n" + canonicalQuery + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + hashedPayload;

    public static string StringToSign(long timestamp, string credentialScope, string hashedCanonicalRequest) =>
        Algorithm + "\n" + timestamp.ToString(CultureInfo.InvariantCulture) + "\n" + credentialScope + "\n" + hashedCanonicalRequest;

    public static byte[] SigningKey(string secretKey, string date, string service)
    {
        byte[] secretDate = Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date);
        byte[] secretService = Hmac(secretDate, service);
        return Hmac(secretService, "tc3_request");
    }

    public static string Signature(string secretKey, string date, string service, string stringToSign) =>
        Hex(Hmac(SigningKey(secretKey, date, service), stringToSign));

    public static string Authorization(string secretId, string credentialScope, string signedHeaders, string signature) =>
        Algorithm + " Credential=" + secretId + "/" + credentialScope + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;

    /// <summary>
    /// The whole chain for a POST with an empty query; returns the string to sign too, so a failed
    /// verification can show what the fake expected.
    /// </summary>
    public static (string Signature, string StringToSign) SignPost(
        string secretKey, string service, long timestamp,
        IEnumerable<KeyValuePair<string, string>> signedHeaderValues, byte[] body)
    {
        var headers = signedHeaderValues.ToList();
        string signedHeaders = string.Join(";", headers.Select(h => h.Key.Trim().ToLowerInvariant()));
        string canonical = CanonicalRequest("POST", "", CanonicalHeaders(headers), signedHeaders, HexSha256(body));
        string toSign = StringToSign(timestamp, CredentialScope(timestamp, service), HexSha256(canonical));
        return (Signature(secretKey, Date(timestamp), service, toSign), toSign);
    }

    private static byte[] Hmac(byte[] key, string message)
    {
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(message));
    }

    private static string Hex(byte[] bytes) => BitConverter.ToString(bytes).Replace("-", "").ToLowerInvariant();
}
