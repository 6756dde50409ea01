using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V2;
using Qcloud.CdnRefresh.Build.Signing;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

/// <summary>What only API 2.0 does: a signed form (HmacSHA1 or HmacSHA256) and its answers' loose shapes.</summary>
public class V2FormApiTests
{
    private readonly ClientHarness harness = new();

    [Fact]
    public async Task Submit_PostsTheCommonParametersAndUrlsAsAForm()
    {
        harness.Handler.RespondJson(ClientHarness.V2Success(2));

        await harness.V2().SubmitAsync(RefreshTarget.Urls, new[] { "https://a.example/1.js", "https://a.example/2.js" }, CancellationToken.None);

        var request = harness.Handler.Requests.Single();
        Assert.Equal("application/x-www-form-urlencoded", request.Header("Content-Type"));
        Assert.Equal(ClientHarness.V2Endpoint, request.Uri);
        var form = request.Form;
        Assert.Equal(ClientHarness.SecretId, form["SecretId"]);
        Assert.Equal(ClientHarness.StartTimestamp.ToString(), form["Timestamp"]);
        Assert.Equal("1000", form["Nonce"]);
        Assert.Equal("https://a.example/1.js", form["urls.0"]);
        Assert.Equal("https://a.example/2.js", form["urls.1"]);
        Assert.False(string.IsNullOrEmpty(form["Signature"]));
    }

    [Fact]
    public async Task Submit_PlusInUrl_IsSentAsPercent2BExactlyOnce()
    {
        harness.Handler.RespondJson(ClientHarness.V2Success());

        await harness.V2().SubmitAsync(RefreshTarget.Urls, new[] { "https://a.example/a+b c.js" }, CancellationToken.None);

        var request = harness.Handler.Requests.Single();
        Assert.Contains("urls.0=https%3A%2F%2Fa.example%2Fa%2Bb%20c.js", request.BodyText);
        Assert.Equal("https://a.example/a+b c.js", request.Form["urls.0"]);
    }

    [Fact]
    public async Task Submit_SignatureCoversHostWithPortAndPath()
    {
        harness.Handler.RespondJson(ClientHarness.V2Success());

        await harness.V2().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(2), CancellationToken.None);

        var request = harness.Handler.Requests.Single();
        Assert.Equal("127.0.0.1:5081", request.Header("Host"));
        // The fake's independent signer, so a gap in the product's signer cannot hide on both sides.
        Assert.Equal(FakeTencentApi.V2Signature.Sign("POST", "127.0.0.1:5081", "/v2/index.php", request.Form, ClientHarness.SecretKey), request.Form["Signature"]);
    }

    [Theory]
    [InlineData("HmacSHA1", "IcmiaNgTu0iZzy1mzepHsUte7GM=")]
    [InlineData("HmacSHA256", "OvEFn3J0n82c7GnFZYh1Id5kejAlDB72N8tk7nV3rj8=")]
    public async Task Submit_AgainstTheDefaultEndpoint_MatchesTheReferenceVector(string signatureMethod, string signature)
    {
        // Computed independently of this code.
        harness.Handler.RespondJson(ClientHarness.V2Success());
        var client = harness.V2(o => o with
        {
            Endpoint = new Uri("https://cdn.api.qcloud.com/v2/index.php"),
            SignatureMethod = signatureMethod,
            Clock = () => DateTimeOffset.FromUnixTimeSeconds(1462521223),
            Nonce = () => 123456789,
        });

        await client.SubmitAsync(RefreshTarget.Urls, new[] { "https://www.example.com/1.jpg" }, CancellationToken.None);

        Assert.Equal(signature, harness.Handler.Requests.Single().Form["Signature"]);
    }

    [Fact]
    public async Task Submit_HmacSha256_SendsSignatureMethod()
    {
        harness.Handler.RespondJson(ClientHarness.V2Success());

        await harness.V2(o => o with { SignatureMethod = "HmacSHA256" }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal("HmacSHA256", harness.Handler.Requests.Single().Form["SignatureMethod"]);
    }

    [Fact]
    public async Task Submit_HmacSha1_OmitsSignatureMethod()
    {
        harness.Handler.RespondJson(ClientHarness.V2Success());

        await harness.V2(o => o with { SignatureMethod = "HmacSHA1" }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.False(harness.Handler.Requests.Single().Form.ContainsKey("SignatureMethod"));
    }

    [Fact]
    public async Task Submit_WithToken_SignsTheToken()
    {
        harness.Handler.RespondJson(ClientHarness.V2Success());

        await harness.V2(credentials: new TencentCredentials(ClientHarness.SecretId, ClientHarness.SecretKey, "temp-token"))
            .SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        var form = harness.Handler.Requests.Single().Form;
        Assert.Equal("temp-token", form["Token"]);
        Assert.Equal(FakeTencentApi.V2Signature.Sign("POST", "127.0.0.1:5081", "/v2/index.php", form, ClientHarness.SecretKey), form["Signature"]);
    }

    [Fact]
    public async Task Submit_NumericTaskId_IsReadAsText()
    {
        harness.Handler.RespondJson("{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"count\":1,\"task_id\":1480069888795584532}}");

        var outcome = await harness.V2().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal("1480069888795584532", outcome.TaskId);
    }

    [Theory]
    [InlineData("{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\"}")]
    [InlineData("{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":[]}")]
    [InlineData("{\"code\":0,\"message\":\"\",\"codeDesc\":0,\"data\":null}")]
    public async Task Submit_SuccessWithoutData_IsAcceptedWithoutATaskId(string body)
    {
        harness.Handler.RespondJson(body);

        var outcome = await harness.V2().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(3), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Null(outcome.TaskId);
    }

    [Fact]
    public async Task Submit_ModuleCodeOnlyInCodeDesc_IsUsed()
    {
        harness.Handler.RespondJson(ClientHarness.V2Error(4000, "没有这个域名的信息", "9110"));

        var outcome = await harness.V2().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal("4000 (9110)", outcome.Failure!.ApiCode);
    }

    [Fact]
    public async Task Submit_ErrorWithoutModuleCode_NamesTheCodeAndCodeDesc()
    {
        harness.Handler.RespondJson(ClientHarness.V2Error(4300, "请求被拒绝，该接口只允许特定账户调用。", "\"RequestForbidden\""));

        var outcome = await harness.V2().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal("4300", outcome.Failure!.ApiCode);
        Assert.Equal("请求被拒绝，该接口只允许特定账户调用。 [RequestForbidden]", outcome.Failure.Message);
    }

    [Fact]
    public async Task Submit_CodeSentAsString_IsUnderstood()
    {
        harness.Handler.RespondJson("{\"code\":\"4100\",\"message\":\"鉴权失败\",\"codeDesc\":\"AuthFailure\"}");

        var outcome = await harness.V2().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(ApiFailureKind.Authentication, outcome.Failure!.Kind);
        Assert.Equal("4100", outcome.Failure.ApiCode);
    }
}
