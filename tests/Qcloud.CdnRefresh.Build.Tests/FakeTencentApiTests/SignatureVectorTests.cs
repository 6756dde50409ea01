using System.Collections.Generic;
using System.Text;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApiTests;

/// <summary>The fake's own signing code against the official vectors (reference 1.3 and 3.5), byte for byte.</summary>
public class SignatureVectorTests
{
    private const string CdnHost = "cdn.api.qcloud.com";
    private const string V2Path = "/v2/index.php";
    private const string KeyB = "pxPgRWDbCy86ZYyqBTDk7WmeRZSmPco0";

    private const string Tc3Payload =
        "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";

    private static Dictionary<string, string> DescribeCdnHosts(string nonce, string timestamp, string? signatureMethod)
    {
        // Deliberately not in sorted order, so the test also proves the sort.
        var parameters = new Dictionary<string, string>
        {
            ["offset"] = "0",
            ["limit"] = "10",
            ["Timestamp"] = timestamp,
            ["SecretId"] = "AKIDT8G5AsY1D3MChWooNq1rFSw1fyBVCX9D",
            ["Nonce"] = nonce,
            ["Action"] = "DescribeCdnHosts",
        };
        if (signatureMethod is not null)
        {
            parameters["SignatureMethod"] = signatureMethod;
        }

        return parameters;
    }

    [Fact]
    public void V2VectorA_StringToSignAndHmacSha1_MatchPublishedValues()
    {
        var parameters = new Dictionary<string, string>
        {
            ["offset"] = "0",
            ["limit"] = "20",
            ["instanceIds_0"] = "ins-09dx96dg",
            ["Timestamp"] = "1465185768",
            ["SecretId"] = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA",
            ["Region"] = "gz",
            ["Nonce"] = "11886",
            ["Action"] = "DescribeInstances",
            ["Signature"] = "ignored",
        };

        string toSign = V2Signature.BuildStringToSign("GET", "cvm.api.qcloud.com", V2Path, parameters);

        Assert.Equal(
            "GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&Nonce=11886&Region=gz&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA&Timestamp=1465185768&instanceIds.0=ins-09dx96dg&limit=20&offset=0",
            toSign);
        Assert.Equal("NSI3UqqD99b/UJb4tbG/xZpRW64=", V2Signature.Compute(toSign, "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA", null));
    }

    [Fact]
    public void V2VectorB_Get_MatchesPublishedSignature()
    {
        var parameters = DescribeCdnHosts("13029", "1463122059", null);

        Assert.Equal(
            "GETcdn.api.qcloud.com/v2/index.php?Action=DescribeCdnHosts&Nonce=13029&SecretId=AKIDT8G5AsY1D3MChWooNq1rFSw1fyBVCX9D&Timestamp=1463122059&limit=10&offset=0",
            V2Signature.BuildStringToSign("GET", CdnHost, V2Path, parameters));
        Assert.Equal("bWMMAR1eFGjZ5KWbfxTlBiLiNLc=", V2Signature.Sign("GET", CdnHost, V2Path, parameters, KeyB));
    }

    [Fact]
    public void V2VectorB_Post_MatchesPublishedSignature()
    {
        Assert.Equal(
            "i/KcLp6VaOtUmVtT0dqtLpKJOkg=",
            V2Signature.Sign("POST", CdnHost, V2Path, DescribeCdnHosts("13029", "1463122059", null), KeyB));
    }

    [Fact]
    public void V2VectorC_SignatureMethodHmacSha256_SelectsSha256AndMatchesPublishedSignature()
    {
        var parameters = DescribeCdnHosts("48059", "1502197934", "HmacSHA256");

        Assert.Equal(
            "GETcdn.api.qcloud.com/v2/index.php?Action=DescribeCdnHosts&Nonce=48059&SecretId=AKIDT8G5AsY1D3MChWooNq1rFSw1fyBVCX9D&SignatureMethod=HmacSHA256&Timestamp=1502197934&limit=10&offset=0",
            V2Signature.BuildStringToSign("GET", CdnHost, V2Path, parameters));
        Assert.Equal("b/HlnO7vWEtR/kf21BvF0fX4vGmIThwWxlaD5GQtlSM=", V2Signature.Sign("GET", CdnHost, V2Path, parameters, KeyB));
    }

    [Fact]
    public void V2SignatureMethod_OtherThanExactHmacSHA256_FallsBackToSha1()
    {
        string toSign = "GETcdn.api.qcloud.com/v2/index.php?Action=DescribeCdnHosts";

        Assert.Equal(V2Signature.Compute(toSign, KeyB, null), V2Signature.Compute(toSign, KeyB, "hmacsha256"));
        Assert.NotEqual(V2Signature.Compute(toSign, KeyB, null), V2Signature.Compute(toSign, KeyB, "HmacSHA256"));
    }

    [Fact]
    public void Tc3Vector_HashedRequestPayload_MatchesPublishedValue()
    {
        Assert.Equal(
            "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
            Tc3Signature.HexSha256(Encoding.UTF8.GetBytes(Tc3Payload)));
    }

    [Fact]
    public void Tc3Vector_HashedCanonicalRequestAndStringToSign_MatchPublishedValues()
    {
        string headers = Tc3Signature.CanonicalHeaders(new[]
        {
            KeyValuePair.Create("Content-Type", "application/json; charset=utf-8"),
            KeyValuePair.Create("Host", "cvm.tencentcloudapi.com"),
        });
        string canonical = Tc3Signature.CanonicalRequest(
            "POST", "", headers, "content-type;host", Tc3Signature.HexSha256(Tc3Payload));

        string hashed = Tc3Signature.HexSha256(canonical);

        Assert.Equal("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031", hashed);
        Assert.Equal(
            "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
            Tc3Signature.StringToSign(1551113065, Tc3Signature.CredentialScope(1551113065, "cvm"), hashed));
    }

    [Fact]
    public void Tc3Vector_SigningKeyAndSignature_MatchPublishedEnglishVariant()
    {
        const string key = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
        var headers = new[]
        {
            KeyValuePair.Create("content-type", "application/json; charset=utf-8"),
            KeyValuePair.Create("host", "cvm.tencentcloudapi.com"),
        };

        var (signature, _) = Tc3Signature.SignPost(key, "cvm", 1551113065, headers, Encoding.UTF8.GetBytes(Tc3Payload));

        Assert.Equal(
            "ac658d5dde49e9bfdd14e04e062f66b05d9f637d44b8a8d845327d4a77f666b1",
            System.Convert.ToHexStringLower(Tc3Signature.SigningKey(key, "2019-02-25", "cvm")));
        Assert.Equal("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168", signature);
    }

    [Fact]
    public void Tc3SelfComputedCdnVector_AuthorizationHeader_MatchesReference()
    {
        var headers = new[]
        {
            KeyValuePair.Create("content-type", "application/json; charset=utf-8"),
            KeyValuePair.Create("host", "cdn.tencentcloudapi.com"),
        };
        byte[] body = Encoding.UTF8.GetBytes("{\"Urls\":[\"https://www.example.com/1.jpg\"],\"Area\":\"overseas\"}");

        var (signature, _) = Tc3Signature.SignPost("Gu5t9xGARNpq86cd98joQYCN3Cozk1qA", "cdn", 1551113065, headers, body);

        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA/2019-02-25/cdn/tc3_request, SignedHeaders=content-type;host, Signature=48cbf5290890ee044d9723e068738e8dcdd704b5662216298dccf890c9ec8f59",
            Tc3Signature.Authorization("AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA", "2019-02-25/cdn/tc3_request", "content-type;host", signature));
    }

    [Fact]
    public void Tc3CredentialScope_UsesUtcDate_NotChinaDate()
    {
        // 2019-02-25 23:30 UTC is already 2019-02-26 in Beijing.
        Assert.Equal("2019-02-25/cdn/tc3_request", Tc3Signature.CredentialScope(1551137400, "cdn"));
    }
}
