using System;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

// Each failure class end to end: the body as the server sends it, the kind and the number of attempts that follow.
public class FailureClassTests
{
    private const int MaxRetries = 2;
    private readonly ClientHarness harness = new();

    [Theory]
    [InlineData("InternalError.CdnSystemError", "Retryable", 3)]
    [InlineData("RequestLimitExceeded", "Retryable", 3)]
    [InlineData("UnauthorizedOperation.OperationTooOften", "Retryable", 3)]
    [InlineData("LimitExceeded.CdnHostOpTooOften", "Retryable", 3)]
    [InlineData("ResourceInUse.CdnOpInProgress", "Retryable", 3)]
    [InlineData("LimitExceeded.CdnPurgePathExceedBatchLimit", "Quota", 1)]
    [InlineData("LimitExceeded.CdnPurgeUrlExceedDayLimit", "Quota", 1)]
    [InlineData("AuthFailure.SignatureFailure", "Authentication", 1)]
    [InlineData("ActionOffline", "Retired", 1)]
    [InlineData("InvalidParameter.CdnParamError", "Final", 1)]
    public async Task V3ErrorCode_GivesItsKindAndRetries(string code, string kind, int attempts)
    {
        harness.Handler.RespondRepeatedly(attempts, 200, ClientHarness.V3Error(code));

        var outcome = await harness.V3(o => o with { MaxRetries = MaxRetries }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal((ApiFailureKind)Enum.Parse(typeof(ApiFailureKind), kind), outcome.Failure!.Kind);
        Assert.Equal(code, outcome.Failure.ApiCode);
        Assert.Equal(attempts, harness.Handler.Requests.Count);
    }

    [Theory]
    [InlineData(5100, "(5100)资源操作失败", "Retryable", 3)]
    [InlineData(6000, "(6000)服务器内部错误", "Retryable", 3)]
    [InlineData(6200, "(6200)接口暂时无法访问", "Retryable", 3)]
    [InlineData(4500, "(4500)重放攻击", "Retryable", 3)]
    [InlineData(4000, "(9163)操作频繁", "Retryable", 3)]
    [InlineData(4000, "(22063)操作频繁", "Retryable", 3)]
    [InlineData(4400, "超过配额", "Quota", 1)]
    [InlineData(4000, "(22044)URL刷新数目超出单日限额", "Quota", 1)]
    [InlineData(4000, "(22043)单次提交刷新URL超出上限", "Quota", 1)]
    [InlineData(4000, "(22046)目录刷新数目超出单日限额", "Quota", 1)]
    [InlineData(4100, "鉴权失败", "Authentication", 1)]
    [InlineData(4200, "请求过期", "Authentication", 1)]
    [InlineData(4300, "请求被拒绝，该接口只允许特定账户调用。", "Retired", 1)]
    [InlineData(6100, "版本暂不支持", "Retired", 1)]
    [InlineData(4000, "(9110)没有这个域名的信息 cdn no such host", "Final", 1)]
    public async Task V2ErrorCode_GivesItsKindAndRetries(int code, string message, string kind, int attempts)
    {
        harness.Handler.RespondRepeatedly(attempts, 200, ClientHarness.V2Error(code, message));

        var outcome = await harness.V2(o => o with { MaxRetries = MaxRetries }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal((ApiFailureKind)Enum.Parse(typeof(ApiFailureKind), kind), outcome.Failure!.Kind);
        Assert.Equal(attempts, harness.Handler.Requests.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(404)]
    [InlineData(403)]
    [InlineData(200)]
    public async Task HttpStatusWithoutTencentBody_IsRetriedWhateverTheStatus(int status)
    {
        harness.Handler.RespondRepeatedly(3, status, "Service Unavailable", "text/plain");

        var outcome = await harness.V3(o => o with { MaxRetries = MaxRetries }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(ApiFailureKind.UnexpectedResponse, outcome.Failure!.Kind);
        Assert.Equal(status, outcome.Failure.HttpStatus);
        Assert.Equal(3, harness.Handler.Requests.Count);
    }
}
