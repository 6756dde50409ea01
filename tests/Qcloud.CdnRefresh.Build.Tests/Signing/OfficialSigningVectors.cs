using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Tests.Signing;

/// <summary>
/// Tencent Cloud's published signing examples: inputs and expected values as its API documentation prints them
/// (the API 2.0 signature page's vectors A, B and C, and the TC3-HMAC-SHA256 page's example, English variant). Both the product's signers and the fake server's independent ones are held to
/// these literals, so the expected values must stay copied from the docs and never be computed.
/// </summary>
internal static class OfficialSigningVectors
{
    public const string V2Path = "/v2/index.php";

    // Vector A: the generic CVM example.
    public const string V2AHost = "cvm.api.qcloud.com";
    public const string V2ASecretId = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA";
    public const string V2ASecretKey = "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA";
    public const string V2ANonce = "11886";
    public const string V2ATimestamp = "1465185768";

    public const string V2AStringToSign =
        "GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&Nonce=11886&Region=gz&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA&Timestamp=1465185768&instanceIds.0=ins-09dx96dg&limit=20&offset=0";

    public const string V2ASignature = "NSI3UqqD99b/UJb4tbG/xZpRW64=";

    // Vectors B (HmacSHA1) and C (HmacSHA256): the CDN DescribeCdnHosts example, one key pair.
    public const string V2CdnHost = "cdn.api.qcloud.com";
    public const string V2CdnSecretId = "AKIDT8G5AsY1D3MChWooNq1rFSw1fyBVCX9D";
    public const string V2CdnSecretKey = "pxPgRWDbCy86ZYyqBTDk7WmeRZSmPco0";

    public const string V2BNonce = "13029";
    public const string V2BTimestamp = "1463122059";

    public const string V2BGetStringToSign =
        "GETcdn.api.qcloud.com/v2/index.php?Action=DescribeCdnHosts&Nonce=13029&SecretId=AKIDT8G5AsY1D3MChWooNq1rFSw1fyBVCX9D&Timestamp=1463122059&limit=10&offset=0";

    public const string V2BGetSignature = "bWMMAR1eFGjZ5KWbfxTlBiLiNLc=";
    public const string V2BPostSignature = "i/KcLp6VaOtUmVtT0dqtLpKJOkg=";

    // The doc's parameter table for C still shows B's nonce and timestamp; its string to sign is authoritative.
    public const string V2CNonce = "48059";
    public const string V2CTimestamp = "1502197934";
    public const string V2CSignatureMethod = "HmacSHA256";

    public const string V2CStringToSign =
        "GETcdn.api.qcloud.com/v2/index.php?Action=DescribeCdnHosts&Nonce=48059&SecretId=AKIDT8G5AsY1D3MChWooNq1rFSw1fyBVCX9D&SignatureMethod=HmacSHA256&Timestamp=1502197934&limit=10&offset=0";

    public const string V2CSignature = "b/HlnO7vWEtR/kf21BvF0fX4vGmIThwWxlaD5GQtlSM=";

    // TC3: DescribeInstances against cvm.tencentcloudapi.com.
    public const string Tc3Host = "cvm.tencentcloudapi.com";
    public const string Tc3Service = "cvm";
    public const string Tc3ContentType = "application/json; charset=utf-8";
    public const long Tc3Timestamp = 1551113065;
    public const string Tc3Date = "2019-02-25";
    public const string Tc3SecretKey = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";

    // The exact bytes matter: the \u escapes are part of the payload, not JSON to be decoded.
    public const string Tc3Payload =
        "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";

    public const string Tc3HashedPayload = "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064";

    public const string Tc3CanonicalRequest =
        "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064";

    public const string Tc3HashedCanonicalRequest = "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031";

    public const string Tc3StringToSign =
        "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031";

    public const string Tc3SigningKeyHex = "ac658d5dde49e9bfdd14e04e062f66b05d9f637d44b8a8d845327d4a77f666b1";
    public const string Tc3SignatureHex = "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168";

    // Methods rather than fields: a fresh dictionary per call, so no test can change another's vector.

    /// <summary>Vector A's parameters, already in sorted order.</summary>
    public static Dictionary<string, string> V2AParameters() => new()
    {
        ["Action"] = "DescribeInstances",
        ["Nonce"] = V2ANonce,
        ["Region"] = "gz",
        ["SecretId"] = V2ASecretId,
        ["Timestamp"] = V2ATimestamp,
        ["instanceIds.0"] = "ins-09dx96dg",
        ["limit"] = "20",
        ["offset"] = "0",
    };

    public static Dictionary<string, string> V2BParameters() => DescribeCdnHosts(V2BNonce, V2BTimestamp);

    public static Dictionary<string, string> V2CParameters()
    {
        var parameters = DescribeCdnHosts(V2CNonce, V2CTimestamp);
        parameters["SignatureMethod"] = V2CSignatureMethod;
        return parameters;
    }

    private static Dictionary<string, string> DescribeCdnHosts(string nonce, string timestamp) => new()
    {
        // Deliberately not in sorted order, so the vector also proves the sort.
        ["offset"] = "0",
        ["limit"] = "10",
        ["Timestamp"] = timestamp,
        ["SecretId"] = V2CdnSecretId,
        ["Nonce"] = nonce,
        ["Action"] = "DescribeCdnHosts",
    };
}
