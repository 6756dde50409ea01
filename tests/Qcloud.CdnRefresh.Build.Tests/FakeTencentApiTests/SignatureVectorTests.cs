using System.Collections.Generic;
using System.Text;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Qcloud.CdnRefresh.Build.Tests.Signing;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApiTests;

/// <summary>The fake's own signing code against the official vectors (<see cref="OfficialSigningVectors"/>), byte for byte.</summary>
public class SignatureVectorTests
{
    [Fact]
    public void V2VectorA_StringToSignAndHmacSha1_MatchPublishedValues()
    {
        // Vector A's values, but out of order, with one name in the underscore form and a stale Signature,
        // so the same published string also proves the sort, the name mapping and the exclusion.
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

        string toSign = V2Signature.BuildStringToSign("GET", OfficialSigningVectors.V2AHost, OfficialSigningVectors.V2Path, parameters);

        Assert.Equal(OfficialSigningVectors.V2AStringToSign, toSign);
        Assert.Equal(OfficialSigningVectors.V2ASignature, V2Signature.Compute(toSign, OfficialSigningVectors.V2ASecretKey, null));
    }

    [Fact]
    public void V2VectorB_Get_MatchesPublishedSignature()
    {
        AssertCdnGetVector(
            OfficialSigningVectors.V2BParameters(), OfficialSigningVectors.V2BGetStringToSign, OfficialSigningVectors.V2BGetSignature);
    }

    [Fact]
    public void V2VectorB_Post_MatchesPublishedSignature()
    {
        Assert.Equal(
            OfficialSigningVectors.V2BPostSignature,
            V2Signature.Sign(
                "POST",
                OfficialSigningVectors.V2CdnHost,
                OfficialSigningVectors.V2Path,
                OfficialSigningVectors.V2BParameters(),
                OfficialSigningVectors.V2CdnSecretKey));
    }

    [Fact]
    public void V2VectorC_SignatureMethodHmacSha256_SelectsSha256AndMatchesPublishedSignature()
    {
        AssertCdnGetVector(
            OfficialSigningVectors.V2CParameters(), OfficialSigningVectors.V2CStringToSign, OfficialSigningVectors.V2CSignature);
    }

    [Fact]
    public void V2SignatureMethod_OtherThanExactHmacSHA256_FallsBackToSha1()
    {
        string toSign = "GETcdn.api.qcloud.com/v2/index.php?Action=DescribeCdnHosts";
        const string key = OfficialSigningVectors.V2CdnSecretKey;

        Assert.Equal(V2Signature.Compute(toSign, key, null), V2Signature.Compute(toSign, key, "hmacsha256"));
        Assert.NotEqual(V2Signature.Compute(toSign, key, null), V2Signature.Compute(toSign, key, "HmacSHA256"));
    }

    [Fact]
    public void Tc3Vector_HashedRequestPayload_MatchesPublishedValue()
    {
        Assert.Equal(
            OfficialSigningVectors.Tc3HashedPayload,
            Tc3Signature.HexSha256(Encoding.UTF8.GetBytes(OfficialSigningVectors.Tc3Payload)));
    }

    [Fact]
    public void Tc3Vector_HashedCanonicalRequestAndStringToSign_MatchPublishedValues()
    {
        // Header names as a client might send them, so the test also proves they are lowercased.
        string headers = Tc3Signature.CanonicalHeaders(new[]
        {
            new KeyValuePair<string, string>("Content-Type", OfficialSigningVectors.Tc3ContentType),
            new KeyValuePair<string, string>("Host", OfficialSigningVectors.Tc3Host),
        });
        string canonical = Tc3Signature.CanonicalRequest(
            "POST", "", headers, "content-type;host", Tc3Signature.HexSha256(OfficialSigningVectors.Tc3Payload));

        string hashed = Tc3Signature.HexSha256(canonical);

        Assert.Equal(OfficialSigningVectors.Tc3HashedCanonicalRequest, hashed);
        Assert.Equal(
            OfficialSigningVectors.Tc3StringToSign,
            Tc3Signature.StringToSign(
                OfficialSigningVectors.Tc3Timestamp,
                Tc3Signature.CredentialScope(OfficialSigningVectors.Tc3Timestamp, OfficialSigningVectors.Tc3Service),
                hashed));
    }

    [Fact]
    public void Tc3Vector_SigningKeyAndSignature_MatchPublishedEnglishVariant()
    {
        const string key = OfficialSigningVectors.Tc3SecretKey;
        const string service = OfficialSigningVectors.Tc3Service;
        var headers = new[]
        {
            new KeyValuePair<string, string>("content-type", OfficialSigningVectors.Tc3ContentType),
            new KeyValuePair<string, string>("host", OfficialSigningVectors.Tc3Host),
        };

        var (signature, _) = Tc3Signature.SignPost(
            key, service, OfficialSigningVectors.Tc3Timestamp, headers, Encoding.UTF8.GetBytes(OfficialSigningVectors.Tc3Payload));

        Assert.Equal(
            OfficialSigningVectors.Tc3SigningKeyHex,
            System.BitConverter.ToString(Tc3Signature.SigningKey(key, OfficialSigningVectors.Tc3Date, service)).Replace("-", "").ToLowerInvariant());
        Assert.Equal(OfficialSigningVectors.Tc3SignatureHex, signature);
    }

    [Fact]
    public void Tc3SelfComputedCdnVector_AuthorizationHeader_MatchesReference()
    {
        var headers = new[]
        {
            new KeyValuePair<string, string>("content-type", "application/json; charset=utf-8"),
            new KeyValuePair<string, string>("host", "cdn.tencentcloudapi.com"),
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

    // B and C differ only in parameters and published values; Sign must pick the HMAC from SignatureMethod itself.
    private static void AssertCdnGetVector(Dictionary<string, string> parameters, string expectedStringToSign, string expectedSignature)
    {
        const string host = OfficialSigningVectors.V2CdnHost;
        const string path = OfficialSigningVectors.V2Path;

        Assert.Equal(expectedStringToSign, V2Signature.BuildStringToSign("GET", host, path, parameters));
        Assert.Equal(expectedSignature, V2Signature.Sign("GET", host, path, parameters, OfficialSigningVectors.V2CdnSecretKey));
    }
}
