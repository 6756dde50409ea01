using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>
/// The fake's own implementation of the API 2.0 signature.
/// Written independently of the product's signer so that the two check each other.
/// </summary>
public static class V2Signature
{
    /// <summary>The parameter name as it enters the string to sign: PHP-era servers see <c>urls_0</c> for <c>urls.0</c>.</summary>
    public static string SignedName(string name) => name.Replace('_', '.');

    /// <summary>
    /// <c>METHOD + host + path + "?" + name=value&amp;...</c> over every parameter but <c>Signature</c>,
    /// raw (decoded) values, names ordinally sorted.
    /// </summary>
    public static string BuildStringToSign(
        string method, string host, string path, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var pairs = parameters
            .Where(p => p.Key != "Signature")
            .Select(p => (Name: SignedName(p.Key), p.Value))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value);
        return method.ToUpperInvariant() + host + path + "?" + string.Join("&", pairs);
    }

    /// <summary>Base64 HMAC of the string to sign; SHA-256 only for the exact value <c>HmacSHA256</c>, as the SDKs do.</summary>
    public static string Compute(string stringToSign, string secretKey, string? signatureMethod)
    {
        byte[] key = Encoding.UTF8.GetBytes(secretKey);
        byte[] message = Encoding.UTF8.GetBytes(stringToSign);
        using HMAC hmac = signatureMethod == "HmacSHA256" ? new HMACSHA256(key) : new HMACSHA1(key);
        return Convert.ToBase64String(hmac.ComputeHash(message));
    }

    /// <summary>Signs a parameter set, taking the algorithm from its own <c>SignatureMethod</c>.</summary>
    public static string Sign(
        string method, string host, string path, IReadOnlyDictionary<string, string> parameters, string secretKey)
    {
        parameters.TryGetValue("SignatureMethod", out string? signatureMethod);
        return Compute(BuildStringToSign(method, host, path, parameters), secretKey, signatureMethod);
    }
}
