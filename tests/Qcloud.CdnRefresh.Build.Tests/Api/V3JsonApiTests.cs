using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Signing;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

/// <summary>What only API 3.0 does: a TC3-signed JSON body with its X-TC-* headers.</summary>
public class V3JsonApiTests
{
    private readonly ClientHarness harness = new();

    [Fact]
    public async Task Submit_PostsUrlsAndAreaAsJson()
    {
        harness.Handler.RespondJson(ClientHarness.V3Success());

        await harness.V3(o => o with { Area = "overseas" }).SubmitAsync(RefreshTarget.Urls, new[] { "https://a.example/x+y.js", "https://a.example/" }, CancellationToken.None);

        var request = harness.Handler.Requests.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal(ClientHarness.V3Endpoint, request.Uri);
        using var json = JsonDocument.Parse(request.RawBody);
        Assert.Equal(new[] { "https://a.example/x+y.js", "https://a.example/" }, json.RootElement.GetProperty("Urls").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("overseas", json.RootElement.GetProperty("Area").GetString());
    }

    [Fact]
    public async Task Submit_SetsExactlyTheSignedContentType()
    {
        harness.Handler.RespondJson(ClientHarness.V3Success());

        await harness.V3().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal("application/json; charset=utf-8", harness.Handler.Requests.Single().Header("Content-Type"));
    }

    [Fact]
    public async Task Submit_SendsActionTimestampAndVersionHeaders()
    {
        harness.Handler.RespondJson(ClientHarness.V3Success());

        await harness.V3().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        var request = harness.Handler.Requests.Single();
        Assert.Equal("PurgeUrlsCache", request.Header("X-TC-Action"));
        Assert.Equal(ClientHarness.StartTimestamp.ToString(), request.Header("X-TC-Timestamp"));
        Assert.Equal("2018-06-06", request.Header("X-TC-Version"));
    }

    [Fact]
    public async Task Submit_ToALoopbackEndpoint_SignsTheSentBodyAndTheHostWithItsPort()
    {
        // Body bytes and signature computed independently of this code, by a separate TC3-HMAC-SHA256 implementation.
        harness.Handler.RespondJson(ClientHarness.V3Success());

        await harness.V3().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(2), CancellationToken.None);

        var request = harness.Handler.Requests.Single();
        Assert.Equal("{\"Urls\":[\"https://www.example.com/0.jpg\",\"https://www.example.com/1.jpg\"],\"Area\":\"overseas\"}", request.BodyText);
        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA/2019-02-25/cdn/tc3_request, SignedHeaders=content-type;host, Signature=0d8c29019c06d0162562c3b655bf01d0fda832172b963c34f21b6c28dfaa514c",
            request.Header("Authorization"));
    }

    [Fact]
    public async Task Submit_AgainstTheDefaultEndpoint_MatchesTheReferenceVector()
    {
        // Body bytes, host and signature computed independently of this code.
        harness.Handler.RespondJson(ClientHarness.V3Success());
        var client = harness.V3(o => o with { Endpoint = new Uri("https://cdn.tencentcloudapi.com/") });

        await client.SubmitAsync(RefreshTarget.Urls, new[] { "https://www.example.com/1.jpg" }, CancellationToken.None);

        var request = harness.Handler.Requests.Single();
        Assert.Equal("{\"Urls\":[\"https://www.example.com/1.jpg\"],\"Area\":\"overseas\"}", request.BodyText);
        Assert.Equal("cdn.tencentcloudapi.com", request.Header("Host"));
        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA/2019-02-25/cdn/tc3_request, SignedHeaders=content-type;host, Signature=48cbf5290890ee044d9723e068738e8dcdd704b5662216298dccf890c9ec8f59",
            request.Header("Authorization"));
    }

    [Fact]
    public async Task Submit_Non2xxWithTencentErrorBody_UsesTheApiCode()
    {
        harness.Handler.Respond(401, ClientHarness.V3Error("AuthFailure.SignatureFailure"));

        var outcome = await harness.V3().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(ApiFailureKind.Authentication, outcome.Failure!.Kind);
        Assert.Equal("AuthFailure.SignatureFailure", outcome.Failure.ApiCode);
        Assert.Equal(401, outcome.Failure.HttpStatus);
    }

    [Fact]
    public async Task Submit_NonAsciiUrl_IsEscapedToAsciiJson()
    {
        harness.Handler.RespondJson(ClientHarness.V3Success());

        await harness.V3(o => o with { Area = "mainland" }).SubmitAsync(RefreshTarget.Urls, new[] { "https://a.example/中文.png" }, CancellationToken.None);

        Assert.Equal("{\"Urls\":[\"https://a.example/\\u4E2D\\u6587.png\"],\"Area\":\"mainland\"}", harness.Handler.Requests.Single().BodyText);
    }
}
