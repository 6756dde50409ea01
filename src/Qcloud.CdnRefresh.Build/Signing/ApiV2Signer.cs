using System.Security.Cryptography;
using System.Text;

namespace Qcloud.CdnRefresh.Build.Signing;

/// <summary>
/// The API 2.0 signature (also Tencent's "v1" scheme): Base64 of an HMAC over
/// METHOD + host + path + "?" + the parameters sorted by name, with raw values.
/// </summary>
internal static class ApiV2Signer
{
    public const string HmacSha1 = "HmacSHA1";
    public const string HmacSha256 = "HmacSHA256";

    /// <summary>
    /// Builds the string to sign. Every parameter but <c>Signature</c> is included; names are sorted ordinally
    /// (a culture-aware sort gives wrong signatures) and an <c>_</c> in a name is signed as <c>.</c>; values are the
    /// raw, unencoded values.
    /// </summary>
    public static string BuildStringToSign(string method, string host, string path, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var signed = parameters
            .Where(p => p.Key != "Signature")
            .Select(p => (Name: p.Key.Replace('_', '.'), p.Value))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value);
        return method.ToUpperInvariant() + host + path + "?" + string.Join("&", signed);
    }

    /// <summary>
    /// Signs <paramref name="stringToSign"/>: HMAC-SHA256 only when <paramref name="signatureMethod"/> is exactly
    /// <c>HmacSHA256</c>, as Tencent's servers decide; HMAC-SHA1 otherwise.
    /// </summary>
    public static string Sign(string stringToSign, string secretKey, string? signatureMethod)
    {
        var key = Encoding.UTF8.GetBytes(secretKey);
        using HMAC hmac = signatureMethod == HmacSha256 ? new HMACSHA256(key) : new HMACSHA1(key);
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }
}
