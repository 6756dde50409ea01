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

    [Theory]
    [InlineData("v3", "AuthFailure.SignatureFailure")]
    [InlineData("v2", "4100")]
    [InlineData("edgeone", "AuthFailure.SignatureFailure")]
    public async Task WrongSecretKey_IsAuthentication_NotRetried(string api, string apiCode)
    {
        var outcome = await Provider(api, credentials: WrongSecretKey).SubmitAsync(RefreshTarget.Urls, Urls(1), CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.False(request.SignatureVerified);
        Assert.Equal(apiCode, request.ApiCode);
        Assert.Equal(ApiFailureKind.Authentication, outcome.Failure!.Kind);
        Assert.Equal(apiCode, outcome.Failure.ApiCode);
        Assert.False(outcome.Failure.IsRetryable);
        Assert.Empty(Notices);
    }

    [Theory]
    [InlineData("v3")]
    [InlineData("v2")]
    [InlineData("edgeone")]
    public async Task WrongSecretKey_NeverAppearsInTheFailure(string api)
    {
        var outcome = await Provider(api, credentials: WrongSecretKey).SubmitAsync(RefreshTarget.Urls, Urls(1), CancellationToken.None);

        Assert.DoesNotContain(WrongSecretKey.SecretKey, outcome.Failure!.Message);
    }

    [Theory]
    [InlineData("v3", "LimitExceeded.CdnPurgeUrlExceedDayLimit")]
    [InlineData("v2", "4000 (22044)")]
    [InlineData("edgeone", "LimitExceeded.DailyQuota")]
    public async Task DailyUrlLimitExceeded_IsQuota_NotRetried(string api, string apiCode)
    {
        // The fake refuses a batch larger than what is left of its daily quota, as Tencent does.
        var outcome = await Provider(api).SubmitAsync(RefreshTarget.Urls, Urls(SmallQuota + 1), CancellationToken.None);

        Assert.Single(Server.Requests);
        Assert.Equal(ApiFailureKind.Quota, outcome.Failure!.Kind);
        Assert.Equal(apiCode, outcome.Failure.ApiCode);
        Assert.Equal(0, Server.UrlsAccepted(QuotaOf(api)));
        Assert.Empty(Notices);
    }

    [Fact]
    public async Task V2_Code4300_IsRetired_NotRetried()
    {
        Server.InjectFault(FaultRule.V2Error(4300, "(4300)拒绝访问", "RequestForbidden"));

        var outcome = await V2().SubmitAsync(RefreshTarget.Urls, Urls(1), CancellationToken.None);

        Assert.Single(Server.Requests);
        Assert.Equal(ApiFailureKind.Retired, outcome.Failure!.Kind);
        Assert.Equal("4300", outcome.Failure.ApiCode);
        Assert.Equal(0, Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task QuotaErrorInBatch2Of3_AcceptsBatch1_FailsBatch2_DoesNotSendBatch3()
    {
        // 3 + 3 + 2 URLs against a quota of 5: batch 1 fits, batch 2 does not.
        var urls = Urls(8);
        var provider = V3();

        var result = await new BatchSubmitter((batch, token) => provider.SubmitAsync(RefreshTarget.Urls, batch, token), 3).SubmitAsync(urls, null, CancellationToken.None);

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
