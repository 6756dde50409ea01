using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Signing;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ApiOverHttp;

/// <summary>Failures that retrying cannot fix: sent once, classified, and reported.</summary>
public class FinalFailureOverHttpTests : OverHttpTestBase
{
    private const int SmallQuota = 5;

    private static readonly TencentCredentials WrongSecretKey =
        new(FakeTencentApiOptions.DefaultSecretId, "notTheRightSecretKey0000000000000000");

    protected override FakeTencentApiOptions ServerOptions => new() { DailyQuota = SmallQuota };

    [Fact]
    public async Task V3_WrongSecretKey_IsSignatureFailure_Authentication_NotRetried()
    {
        var outcome = await V3(credentials: WrongSecretKey).SubmitAsync(Urls(1), CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.False(request.SignatureVerified);
        Assert.Equal("AuthFailure.SignatureFailure", request.ApiCode);
        Assert.Equal(ApiFailureKind.Authentication, outcome.Failure!.Kind);
        Assert.Equal("AuthFailure.SignatureFailure", outcome.Failure.ApiCode);
        Assert.False(outcome.Failure.IsRetryable);
        Assert.Equal(1, outcome.Attempts);
        Assert.Empty(Notices);
    }

    [Fact]
    public async Task V2_WrongSecretKey_Is4100_Authentication_NotRetried()
    {
        var outcome = await V2(credentials: WrongSecretKey).SubmitAsync(Urls(1), CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.False(request.SignatureVerified);
        Assert.Equal("4100", request.ApiCode);
        Assert.Equal(ApiFailureKind.Authentication, outcome.Failure!.Kind);
        Assert.False(outcome.Failure.IsRetryable);
        Assert.Equal(1, outcome.Attempts);
        Assert.Empty(Notices);
    }

    [Fact]
    public async Task WrongSecretKey_NeverAppearsInTheFailure()
    {
        var outcome = await V3(credentials: WrongSecretKey).SubmitAsync(Urls(1), CancellationToken.None);

        Assert.DoesNotContain(WrongSecretKey.SecretKey, outcome.Failure!.Message);
    }

    [Fact]
    public async Task V3_DailyLimitExceeded_IsQuota_NotRetried()
    {
        // The fake refuses a batch larger than what is left of its daily quota, as Tencent does.
        var outcome = await V3().SubmitAsync(Urls(SmallQuota + 1), CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.Equal("LimitExceeded.CdnPurgeUrlExceedDayLimit", request.ApiCode);
        Assert.Equal(ApiFailureKind.Quota, outcome.Failure!.Kind);
        Assert.Equal("LimitExceeded.CdnPurgeUrlExceedDayLimit", outcome.Failure.ApiCode);
        Assert.Equal(1, outcome.Attempts);
        Assert.Empty(Notices);
    }

    [Fact]
    public async Task V2_Module22044_IsQuota_NotRetried()
    {
        var outcome = await V2().SubmitAsync(Urls(SmallQuota + 1), CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.StartsWith("(22044)", request.ApiMessage);
        Assert.Equal(ApiFailureKind.Quota, outcome.Failure!.Kind);
        Assert.Equal("4000 (22044)", outcome.Failure.ApiCode);
        Assert.Equal(1, outcome.Attempts);
        Assert.Empty(Notices);
    }

    [Fact]
    public async Task V2_Code4300_IsRetired_NotRetried()
    {
        Server.InjectFault(FaultRule.V2Error(4300, "(4300)拒绝访问", "RequestForbidden"));

        var outcome = await V2().SubmitAsync(Urls(1), CancellationToken.None);

        Assert.Single(Server.Requests);
        Assert.Equal(ApiFailureKind.Retired, outcome.Failure!.Kind);
        Assert.Equal("4300", outcome.Failure.ApiCode);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(0, Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task QuotaErrorInBatch2Of3_AcceptsBatch1_FailsBatch2_DoesNotSendBatch3()
    {
        // 3 + 3 + 2 URLs against a quota of 5: batch 1 fits, batch 2 does not.
        var urls = Urls(8);

        var result = await new BatchSubmitter(V3().SubmitAsync, 3).SubmitAsync(urls, null, CancellationToken.None);

        var requests = Server.Requests.OrderBy(r => r.Sequence).ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal(urls.Take(3), requests[0].Urls);
        Assert.Null(requests[0].ApiCode);
        Assert.Equal(urls.Skip(3).Take(3), requests[1].Urls);
        Assert.Equal("LimitExceeded.CdnPurgeUrlExceedDayLimit", requests[1].ApiCode);
        Assert.Equal(new[] { BatchStatus.Accepted, BatchStatus.Failed, BatchStatus.NotSent }, result.Batches.Select(b => b.Status));
        Assert.Equal(ApiFailureKind.Quota, result.Failure!.Kind);
        Assert.Equal(urls.Take(3), result.AcceptedUrls);
        Assert.Equal(urls.Skip(3), result.NotAcceptedUrls);
        Assert.Equal(3, Server.UrlsAccepted("overseas"));
    }
}
