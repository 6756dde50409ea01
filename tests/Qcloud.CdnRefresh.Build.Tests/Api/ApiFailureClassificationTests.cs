using System;
using System.Text;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V2;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

// The retry table of docs/design.md, one row per code.
public class ApiFailureClassificationTests
{
    [Theory]
    [InlineData("InternalError", "Retryable")]
    [InlineData("InternalError.CdnSystemError", "Retryable")]
    [InlineData("RequestLimitExceeded", "Retryable")]
    [InlineData("RequestLimitExceeded.UinLimitExceeded", "Retryable")]
    [InlineData("UnauthorizedOperation.OperationTooOften", "Retryable")]
    [InlineData("LimitExceeded.CdnHostOpTooOften", "Retryable")]
    [InlineData("ResourceInUse.CdnOpInProgress", "Retryable")]
    [InlineData("InternalError.CdnConfigError", "Retryable")]
    [InlineData("InternalError.ProxyServer", "Retryable")]
    [InlineData("LimitExceeded", "Quota")]
    [InlineData("LimitExceeded.CdnPurgeUrlExceedDayLimit", "Quota")]
    [InlineData("LimitExceeded.CdnPurgeUrlExceedBatchLimit", "Quota")]
    [InlineData("LimitExceeded.CdnPurgePathExceedDayLimit", "Quota")]
    [InlineData("LimitExceeded.CdnPurgePathExceedBatchLimit", "Quota")]
    [InlineData("AuthFailure.SignatureFailure", "Authentication")]
    [InlineData("AuthFailure.SignatureExpire", "Authentication")]
    [InlineData("AuthFailure.SecretIdNotFound", "Authentication")]
    [InlineData("ActionOffline", "Retired")]
    [InlineData("InvalidParameter.CdnParamError", "Final")]
    [InlineData("ResourceNotFound.CdnHostNotExists", "Final")]
    [InlineData("UnauthorizedOperation.CdnHostUnauthorized", "Final")]
    [InlineData("UnauthorizedOperation.CdnCamUnauthorized", "Final")]
    [InlineData("UnauthorizedOperation.CdnUserIsSuspended", "Final")]
    [InlineData("ResourceNotFound.CdnUserNotExists", "Final")]
    [InlineData("ResourceUnavailable.CdnHostIsNotOnline", "Final")]
    [InlineData("ResourceInUse.CdnHostExists", "Final")]
    [InlineData("InvalidParameter.CdnHostInvalidStatus", "Final")]
    [InlineData("InvalidParameter.CdnUrlExceedLength", "Final")]
    [InlineData("FailedOperation", "Final")]
    public void V3Code_IsClassified(string code, string kind)
    {
        Assert.Equal((ApiFailureKind)Enum.Parse(typeof(ApiFailureKind), kind), V3ErrorCodes.KindOf(code));
    }

    [Theory]
    [InlineData(5100, null, "Retryable")]
    [InlineData(6000, null, "Retryable")]
    [InlineData(6200, null, "Retryable")]
    [InlineData(4500, null, "Retryable")]
    [InlineData(4000, "9163", "Retryable")]
    [InlineData(4000, "22063", "Retryable")]
    [InlineData(4400, null, "Quota")]
    [InlineData(4000, "22044", "Quota")]
    [InlineData(4000, "22043", "Quota")]
    [InlineData(4000, "22046", "Quota")]
    [InlineData(4000, "22045", "Quota")]
    [InlineData(4100, null, "Authentication")]
    [InlineData(4200, null, "Authentication")]
    [InlineData(4300, null, "Retired")]
    [InlineData(6100, null, "Retired")]
    [InlineData(4000, "9110", "Final")]
    [InlineData(4000, null, "Final")]
    [InlineData(4600, null, "Final")]
    [InlineData(5000, null, "Final")]
    [InlineData(5400, null, "Final")]
    public void V2Code_IsClassified(int code, string? moduleCode, string kind)
    {
        Assert.Equal((ApiFailureKind)Enum.Parse(typeof(ApiFailureKind), kind), V2ErrorCodes.KindOf(code, moduleCode));
    }

    [Theory]
    [InlineData("InternalError", true)]
    [InlineData("LimitExceeded.CdnHostOpTooOften", true)]
    [InlineData("ResourceInUse.CdnOpInProgress", true)]
    [InlineData("LimitExceeded.CdnPurgeUrlExceedDayLimit", false)]
    [InlineData("AuthFailure.SignatureFailure", false)]
    public void V3Failure_IsRetryableExactlyWhenItsKindIs(string code, bool retryable)
    {
        var answer = Encoding.UTF8.GetBytes(ClientHarness.V3Error(code, "m"));
        var failure = V3Response.Read(200, answer, V3Provider.V3JsonContext.Default.PurgeResponse, V3ErrorCodes.KindOf).Failure!;
        Assert.Equal(retryable, failure.IsRetryable);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    public void UnexpectedBody_IsRetryableWhateverTheStatus(int status)
    {
        var failure = ApiFailure.UnexpectedResponse(status, Encoding.UTF8.GetBytes("<html>oops</html>"));

        Assert.Equal(ApiFailureKind.UnexpectedResponse, failure.Kind);
        Assert.True(failure.IsRetryable);
    }

    [Fact]
    public void FailureInsideTheClient_IsFinal()
    {
        var failure = ApiFailure.Unexpected(new InvalidOperationException("bug"));

        Assert.Equal(ApiFailureKind.UnexpectedResponse, failure.Kind);
        Assert.False(failure.IsRetryable);
    }

    [Fact]
    public void UnexpectedBody_MessageQuotesTheFirst100CharactersOnOneLine()
    {
        var body = "<html>\r\n<head><title>502 Bad Gateway</title></head>\n\t<body>" + new string('x', 300) + "</body></html>";

        var failure = ApiFailure.UnexpectedResponse(502, Encoding.UTF8.GetBytes(body));

        Assert.StartsWith("HTTP 502 answered with a body that is not the expected JSON: \"<html> <head><title>502 Bad Gateway</title></head> <body>xxx", failure.Message);
        Assert.DoesNotContain("\n", failure.Message);
        Assert.DoesNotContain(new string('x', 100), failure.Message);
        Assert.Contains("…", failure.Message);
    }

    [Fact]
    public void UnexpectedBody_EmptyBody_SaysSo()
    {
        Assert.Equal("HTTP 503 answered with an empty body", ApiFailure.UnexpectedResponse(503, Array.Empty<byte>()).Message);
    }

    [Fact]
    public void NetworkError_IsRetryableAndNamesTheInnerCause()
    {
        var failure = ApiFailure.NetworkError(
            new System.Net.Http.HttpRequestException("An error occurred while sending the request.", new System.IO.IOException("Connection reset by peer")));

        Assert.Equal(ApiFailureKind.Retryable, failure.Kind);
        Assert.True(failure.IsRetryable);
        Assert.Contains("Connection reset by peer", failure.Message);
    }

    [Theory]
    [InlineData("(9110)没有这个域名的信息 cdn no such host", "9110")]
    [InlineData(" (22044) URL刷新数目超出单日限额", "22044")]
    [InlineData("（9163）操作频繁", "9163")]
    [InlineData("没有这个域名的信息", null)]
    [InlineData("", null)]
    [InlineData("see (9110) later", null)]
    public void V2ModuleCode_IsReadFromTheStartOfTheMessage(string message, string? moduleCode)
    {
        Assert.Equal(moduleCode, V2ErrorCodes.ModuleCodeOf(message));
    }

    [Theory]
    [InlineData("(9110)x", "9110", "4000 (9110)")]
    [InlineData("(9110)x", "9163", "4000 (9110)")]
    [InlineData("x", "9163", "4000 (9163)")]
    [InlineData("(4000)请求失败", "9110", "4000 (9110)")]
    [InlineData("(4000)请求失败", null, "4000")]
    [InlineData("x", "RequestForbidden", "4000")]
    public void V2Failure_ApiCode_JoinsTheMessagesModuleCode_ElseANumericCodeDesc_NeverThePublicCodeAgain(string message, string? codeDesc, string apiCode)
    {
        Assert.Equal(apiCode, V2ErrorCodes.ToFailure(4000, message, codeDesc, 200).ApiCode);
    }
}
