using System.Collections.Generic;
using Qcloud.CdnRefresh.Build.Providers.V2;
using Qcloud.CdnRefresh.Build.Signing;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Signing;

// Vectors A, B and C are Tencent's published examples; the fake server's own signer is held to the same ones.
public class ApiV2SignerTests
{
    [Fact]
    public void VectorA_StringToSign_SortsNamesOrdinally()
    {
        var text = ApiV2Signer.BuildStringToSign(
            "GET", OfficialSigningVectors.V2AHost, OfficialSigningVectors.V2Path, OfficialSigningVectors.V2AParameters());

        Assert.Equal(OfficialSigningVectors.V2AStringToSign, text);
    }

    [Fact]
    public void VectorA_HmacSha1_MatchesPublishedSignature()
    {
        var text = ApiV2Signer.BuildStringToSign(
            "GET", OfficialSigningVectors.V2AHost, OfficialSigningVectors.V2Path, OfficialSigningVectors.V2AParameters());

        Assert.Equal(
            OfficialSigningVectors.V2ASignature,
            ApiV2Signer.Sign(text, OfficialSigningVectors.V2ASecretKey, ApiV2Signer.HmacSha1));
    }

    [Theory]
    [InlineData("GET", OfficialSigningVectors.V2BGetSignature)]
    [InlineData("POST", OfficialSigningVectors.V2BPostSignature)]
    public void VectorB_HmacSha1_MatchesPublishedSignature(string method, string expected)
    {
        var text = ApiV2Signer.BuildStringToSign(
            method, OfficialSigningVectors.V2CdnHost, OfficialSigningVectors.V2Path, OfficialSigningVectors.V2BParameters());

        Assert.Equal(expected, ApiV2Signer.Sign(text, OfficialSigningVectors.V2CdnSecretKey, null));
    }

    [Fact]
    public void VectorC_HmacSha256_MatchesPublishedSignature()
    {
        var text = ApiV2Signer.BuildStringToSign(
            "GET", OfficialSigningVectors.V2CdnHost, OfficialSigningVectors.V2Path, OfficialSigningVectors.V2CParameters());

        Assert.Equal(OfficialSigningVectors.V2CStringToSign, text);
        Assert.Equal(
            OfficialSigningVectors.V2CSignature,
            ApiV2Signer.Sign(text, OfficialSigningVectors.V2CdnSecretKey, ApiV2Signer.HmacSha256));
    }

    [Fact]
    public void UnderscoreInName_IsSignedAsDot()
    {
        var text = ApiV2Signer.BuildStringToSign("POST", "h", "/p", new Dictionary<string, string> { ["urls_0"] = "a" });

        Assert.Equal("POSTh/p?urls.0=a", text);
    }

    [Fact]
    public void SignatureParameter_IsLeftOutOfTheStringToSign()
    {
        var text = ApiV2Signer.BuildStringToSign("POST", "h", "/p", new Dictionary<string, string> { ["A"] = "1", ["Signature"] = "x" });

        Assert.Equal("POSTh/p?A=1", text);
    }

    [Fact]
    public void TwelveUrls_SortUrls10BeforeUrls2_MatchesReferenceSignature()
    {
        var parameters = new Dictionary<string, string>
        {
            ["Action"] = "RefreshCdnOverSeaUrl",
            ["Nonce"] = "123456789",
            ["SecretId"] = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA",
            ["Timestamp"] = "1462521223",
        };
        for (var i = 0; i < 12; i++)
        {
            parameters["urls." + i] = "https://www.example.com/" + i + ".jpg";
        }

        var text = ApiV2Signer.BuildStringToSign("POST", "cdn.api.qcloud.com", "/v2/index.php", parameters);

        Assert.Contains("urls.1=https://www.example.com/1.jpg&urls.10=", text);
        Assert.Equal("6wBmFlejlRejU6s4rS/RQDP1qOA=", ApiV2Signer.Sign(text, "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA", ApiV2Signer.HmacSha1));
    }
}
