using System.Text;
using Qcloud.CdnRefresh.Build.Signing;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Signing;

// The 1551113065 vector of Tencent's "签名方法 v3" page, English variant; the fake server's own signer is held to it too.
public class Tc3SignerTests
{
    [Fact]
    public void OfficialVector_HashedPayload_Matches()
    {
        Assert.Equal(OfficialSigningVectors.Tc3HashedPayload, Tc3Signer.HashPayload(Encoding.UTF8.GetBytes(OfficialSigningVectors.Tc3Payload)));
    }

    [Fact]
    public void OfficialVector_CanonicalRequest_Matches()
    {
        Assert.Equal(OfficialSigningVectors.Tc3CanonicalRequest, CanonicalRequest());
    }

    [Fact]
    public void OfficialVector_StringToSign_Matches()
    {
        Assert.Equal(OfficialSigningVectors.Tc3StringToSign, StringToSign());
    }

    [Fact]
    public void OfficialVector_Signature_Matches()
    {
        var signature = Tc3Signer.Sign(
            OfficialSigningVectors.Tc3SecretKey, OfficialSigningVectors.Tc3Date, OfficialSigningVectors.Tc3Service, StringToSign());

        Assert.Equal(OfficialSigningVectors.Tc3SignatureHex, signature);
    }

    [Fact]
    public void CdnPurgeUrlsCache_Authorization_MatchesReferenceVector()
    {
        var credentials = new TencentCredentials("AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA", "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA");
        var body = Encoding.UTF8.GetBytes("{\"Urls\":[\"https://www.example.com/1.jpg\"],\"Area\":\"overseas\"}");

        // Computed by hand, not published by Tencent, so its inputs stay here rather than with the official vectors.
        var authorization = Tc3Signer.BuildAuthorization(
            credentials, "cdn", "cdn.tencentcloudapi.com", "application/json; charset=utf-8", 1551113065, body);

        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA/2019-02-25/cdn/tc3_request, SignedHeaders=content-type;host, Signature=48cbf5290890ee044d9723e068738e8dcdd704b5662216298dccf890c9ec8f59",
            authorization);
    }

    [Fact]
    public void CredentialDate_UsesUtc_NotLocalTime()
    {
        // 2019-02-25 23:59:59 UTC is already the 26th in Beijing.
        Assert.Equal("2019-02-25", Tc3Signer.CredentialDate(1551139199));
    }

    private static string CanonicalRequest() => Tc3Signer.BuildCanonicalRequest(
        OfficialSigningVectors.Tc3ContentType,
        OfficialSigningVectors.Tc3Host,
        Tc3Signer.HashPayload(Encoding.UTF8.GetBytes(OfficialSigningVectors.Tc3Payload)));

    private static string StringToSign() => Tc3Signer.BuildStringToSign(
        OfficialSigningVectors.Tc3Timestamp,
        Tc3Signer.CredentialScope(OfficialSigningVectors.Tc3Timestamp, OfficialSigningVectors.Tc3Service),
        CanonicalRequest());
}
