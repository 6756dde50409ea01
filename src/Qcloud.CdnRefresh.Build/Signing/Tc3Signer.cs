using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Qcloud.CdnRefresh.Build.Signing;

/// <summary>API 3.0 TC3-HMAC-SHA256 signing of a POST request that signs the <c>content-type</c> and <c>host</c> headers.</summary>
internal static class Tc3Signer
{
    public const string Algorithm = "TC3-HMAC-SHA256";
    public const string SignedHeaders = "content-type;host";

    public static string HashPayload(byte[] payload)
    {
        using var sha = SHA256.Create();
        return LowerHex(sha.ComputeHash(payload));
    }

    /// <summary>The canonical request. Header values are lowercased and trimmed, as the server does before comparing.</summary>
    public static string BuildCanonicalRequest(string contentType, string host, string hashedPayload) =>
        "POST\n/\n\n"
        + "content-type:" + contentType.Trim().ToLowerInvariant() + "\n"
        + "host:" + host.Trim().ToLowerInvariant() + "\n"
        + "\n" + SignedHeaders + "\n" + hashedPayload;

    /// <summary>The UTC date of the timestamp: signing with a local date fails around midnight.</summary>
    public static string CredentialDate(long timestamp) =>
        DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string CredentialScope(long timestamp, string service) => CredentialDate(timestamp) + "/" + service + "/tc3_request";

    public static string BuildStringToSign(long timestamp, string credentialScope, string canonicalRequest) =>
        Algorithm + "\n" + timestamp.ToString(CultureInfo.InvariantCulture) + "\n" + credentialScope + "\n"
        + HashPayload(Encoding.UTF8.GetBytes(canonicalRequest));

    /// <summary>Derives the signing key from the secret key, the date and the service, and signs.</summary>
    public static string Sign(string secretKey, string date, string service, string stringToSign)
    {
        var secretDate = Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date);
        var secretService = Hmac(secretDate, service);
        var secretSigning = Hmac(secretService, "tc3_request");
        return LowerHex(Hmac(secretSigning, stringToSign));
    }

    /// <summary>The value of the <c>Authorization</c> header for a request with this body, content type and host.</summary>
    public static string BuildAuthorization(TencentCredentials credentials, string service, string host, string contentType, long timestamp, byte[] payload)
    {
        var canonicalRequest = BuildCanonicalRequest(contentType, host, HashPayload(payload));
        var scope = CredentialScope(timestamp, service);
        var signature = Sign(credentials.SecretKey, CredentialDate(timestamp), service, BuildStringToSign(timestamp, scope, canonicalRequest));
        return Algorithm + " Credential=" + credentials.SecretId + "/" + scope + ", SignedHeaders=" + SignedHeaders + ", Signature=" + signature;
    }

    private static byte[] Hmac(byte[] key, string message)
    {
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(message));
    }

    private static string LowerHex(byte[] bytes) => BitConverter.ToString(bytes).Replace("-", string.Empty).ToLowerInvariant();
}
