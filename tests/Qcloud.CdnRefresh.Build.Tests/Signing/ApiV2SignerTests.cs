using System.Collections.Generic;
using Qcloud.CdnRefresh.Build.Signing;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Signing;

// Vectors A, B and C are Tencent's published examples (reference/tencent-cdn-api.md §1.3).
public class ApiV2SignerTests
{
    private static readonly Dictionary<string, string> VectorAParameters = new()
    {
        ["Action"] = "DescribeInstances",
        ["Nonce"] = "11886",
        ["Region"] = "gz",
        ["SecretId"] = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA",
        ["Timestamp"] = "1465185768",
        ["instanceIds.0"] = "ins-09dx96dg",
        ["limit"] = "20",
        ["offset"] = "0",
    };

    private static Dictionary<string, string> VectorBParameters(string nonce, string timestamp, bool sha256)
    {
        var parameters = new Dictionary<string, string>
        {
            ["offset"] = "0",
            ["limit"] = "10",
            ["Timestamp"] = timestamp,
            ["SecretId"] = "AKIDT8G5AsY1D3MChWooNq1rFSw1fyBVCX9D",
            ["Nonce"] = nonce,
            ["Action"] = "DescribeCdnHosts",
        };
        if (sha256)
        {
            parameters["SignatureMethod"] = "HmacSHA256";
        }

        return parameters;
    }

    [Fact]
    public void VectorA_StringToSign_SortsNamesOrdinally()
    {
        var text = ApiV2Signer.BuildStringToSign("GET", "cvm.api.qcloud.com", "/v2/index.php", VectorAParameters);

        Assert.Equal(
            "GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&Nonce=11886&Region=gz&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA&Timestamp=1465185768&instanceIds.0=ins-09dx96dg&limit=20&offset=0",
            text);
    }

    [Fact]
    public void VectorA_HmacSha1_MatchesPublishedSignature()
    {
        var text = ApiV2Signer.BuildStringToSign("GET", "cvm.api.qcloud.com", "/v2/index.php", VectorAParameters);

        Assert.Equal("NSI3UqqD99b/UJb4tbG/xZpRW64=", ApiV2Signer.Sign(text, "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA", ApiV2Signer.HmacSha1));
    }

    [Theory]
    [InlineData("GET", "bWMMAR1eFGjZ5KWbfxTlBiLiNLc=")]
    [InlineData("POST", "i/KcLp6VaOtUmVtT0dqtLpKJOkg=")]
    public void VectorB_HmacSha1_MatchesPublishedSignature(string method, string expected)
    {
        var text = ApiV2Signer.BuildStringToSign(method, "cdn.api.qcloud.com", "/v2/index.php", VectorBParameters("13029", "1463122059", sha256: false));

        Assert.Equal(expected, ApiV2Signer.Sign(text, "pxPgRWDbCy86ZYyqBTDk7WmeRZSmPco0", null));
    }

    [Fact]
    public void VectorC_HmacSha256_MatchesPublishedSignature()
    {
        var text = ApiV2Signer.BuildStringToSign("GET", "cdn.api.qcloud.com", "/v2/index.php", VectorBParameters("48059", "1502197934", sha256: true));

        Assert.Equal(
            "GETcdn.api.qcloud.com/v2/index.php?Action=DescribeCdnHosts&Nonce=48059&SecretId=AKIDT8G5AsY1D3MChWooNq1rFSw1fyBVCX9D&SignatureMethod=HmacSHA256&Timestamp=1502197934&limit=10&offset=0",
            text);
        Assert.Equal("b/HlnO7vWEtR/kf21BvF0fX4vGmIThwWxlaD5GQtlSM=", ApiV2Signer.Sign(text, "pxPgRWDbCy86ZYyqBTDk7WmeRZSmPco0", ApiV2Signer.HmacSha256));
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
