using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApiTests;

/// <summary>Hand-built requests signed with the fake's own helpers, never with the product's signer.</summary>
internal static class SignedRequests
{
    public const string JsonType = "application/json; charset=utf-8";

    public static HttpRequestMessage V3(
        Uri endpoint, string action, string json, long timestamp,
        string secretId = FakeTencentApiOptions.DefaultSecretId, string secretKey = FakeTencentApiOptions.DefaultSecretKey,
        string? token = null, Func<string, string>? tamper = null, string version = "2018-06-06", string service = "cdn")
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        var signed = new[] { KeyValuePair.Create("content-type", JsonType), KeyValuePair.Create("host", endpoint.Authority) };
        var (signature, _) = Tc3Signature.SignPost(secretKey, service, timestamp, signed, body);
        signature = tamper?.Invoke(signature) ?? signature;
        var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(JsonType);
        message.Headers.TryAddWithoutValidation(
            "Authorization",
            Tc3Signature.Authorization(secretId, Tc3Signature.CredentialScope(timestamp, service), "content-type;host", signature));
        message.Headers.Add("X-TC-Action", action);
        message.Headers.Add("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add("X-TC-Version", version);
        if (token is not null)
        {
            message.Headers.Add("X-TC-Token", token);
        }

        return message;
    }

    public static string PurgeBody(IEnumerable<string> urls, string? area = "overseas") =>
        "{\"Urls\":[" + string.Join(",", urls.Select(u => "\"" + u + "\"")) + "]"
        + (area is null ? "" : ",\"Area\":\"" + area + "\"") + "}";

    /// <summary>The v2 common parameters plus <c>urls.N</c>, not yet signed.</summary>
    public static Dictionary<string, string> V2Parameters(
        string action, long timestamp, long nonce, IEnumerable<string> urls,
        string secretId = FakeTencentApiOptions.DefaultSecretId)
    {
        var parameters = new Dictionary<string, string>
        {
            ["Action"] = action,
            ["SecretId"] = secretId,
            ["Timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["Nonce"] = nonce.ToString(CultureInfo.InvariantCulture),
        };
        int i = 0;
        foreach (string url in urls)
        {
            parameters["urls." + i++] = url;
        }

        return parameters;
    }

    /// <summary>Signs for <paramref name="endpoint"/> and sends as a form POST or a GET query, each value strictly percent-encoded.</summary>
    public static HttpRequestMessage V2(
        Uri endpoint, Dictionary<string, string> parameters, string method = "POST",
        string secretKey = FakeTencentApiOptions.DefaultSecretKey, Func<string, string>? tamper = null,
        Func<string, string>? encode = null)
    {
        var signedParameters = new Dictionary<string, string>(parameters);
        string signature = V2Signature.Sign(method, endpoint.Authority, endpoint.AbsolutePath, signedParameters, secretKey);
        signedParameters["Signature"] = tamper?.Invoke(signature) ?? signature;
        encode ??= Uri.EscapeDataString;
        string query = string.Join("&", signedParameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + encode(p.Value)));
        if (method == "GET")
        {
            return new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, endpoint.AbsolutePath + "?" + query));
        }

        return new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(query, Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
    }

    /// <summary>Changes the first character, keeping it in the alphabet of both hex and Base64.</summary>
    public static string OneCharOff(string signature) => (signature[0] == 'a' ? "b" : "a") + signature[1..];

    public static IEnumerable<string> Urls(int count, string host = "www.example.com") =>
        Enumerable.Range(0, count).Select(i => $"https://{host}/file{i}.js");
}
