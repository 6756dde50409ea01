using System.Text;
using Qcloud.CdnRefresh.Build.Signing;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Signing;

// The 1551113065 vector of Tencent's "签名方法 v3" page (reference/tencent-cdn-api.md §3.5), English variant.
public class Tc3SignerTests
{
    private const string Payload = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";
    private const string ContentType = "application/json; charset=utf-8";
    private const long Timestamp = 1551113065;

    [Fact]
    public void OfficialVector_HashedPayload_Matches()
    {
        Assert.Equal("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064", Tc3Signer.HashPayload(Encoding.UTF8.GetBytes(Payload)));
    }

    [Fact]
    public void OfficialVector_CanonicalRequest_Matches()
    {
        var canonical = Tc3Signer.BuildCanonicalRequest(ContentType, "cvm.tencentcloudapi.com", Tc3Signer.HashPayload(Encoding.UTF8.GetBytes(Payload)));

        Assert.Equal(
            "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
            canonical);
    }

    [Fact]
    public void OfficialVector_StringToSign_Matches()
    {
        var canonical = Tc3Signer.BuildCanonicalRequest(ContentType, "cvm.tencentcloudapi.com", Tc3Signer.HashPayload(Encoding.UTF8.GetBytes(Payload)));

        var stringToSign = Tc3Signer.BuildStringToSign(Timestamp, Tc3Signer.CredentialScope(Timestamp, "cvm"), canonical);

        Assert.Equal(
            "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
            stringToSign);
    }

    [Fact]
    public void OfficialVector_Signature_Matches()
    {
        var canonical = Tc3Signer.BuildCanonicalRequest(ContentType, "cvm.tencentcloudapi.com", Tc3Signer.HashPayload(Encoding.UTF8.GetBytes(Payload)));
        var stringToSign = Tc3Signer.BuildStringToSign(Timestamp, Tc3Signer.CredentialScope(Timestamp, "cvm"), canonical);

        var signature = Tc3Signer.Sign("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "2019-02-25", "cvm", stringToSign);

        Assert.Equal("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168", signature);
    }

    [Fact]
    public void CdnPurgeUrlsCache_Authorization_MatchesReferenceVector()
    {
        var credentials = new TencentCredentials("AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA", "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA");
        var body = Encoding.UTF8.GetBytes("{\"Urls\":[\"https://www.example.com/1.jpg\"],\"Area\":\"overseas\"}");

        var authorization = Tc3Signer.BuildAuthorization(credentials, "cdn", "cdn.tencentcloudapi.com", ContentType, Timestamp, body);

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
}
