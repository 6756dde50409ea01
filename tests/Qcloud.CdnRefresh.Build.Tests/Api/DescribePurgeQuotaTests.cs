using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Threading;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Xunit;
using static Qcloud.CdnRefresh.Build.Providers.V3.V3Provider;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

public class DescribePurgeQuotaTests
{
    private const string QuotaBody =
        "{\"Response\":{\"UrlPurge\":[{\"Batch\":1000,\"Total\":10000,\"Available\":9990,\"Area\":\"mainland\"}," +
        "{\"Batch\":1000,\"Total\":10000,\"Available\":7500,\"Area\":\"overseas\"}]," +
        "\"PathPurge\":[{\"Batch\":500,\"Total\":100,\"Available\":100,\"Area\":\"mainland\"}],\"RequestId\":\"req-q\"}}";

    private readonly ClientHarness harness = new();

    [Fact]
    public async Task Quota_IsReadPerAreaForUrlsAndPaths()
    {
        harness.Handler.RespondJson(QuotaBody);

        var quota = (await harness.V3().DescribePurgeQuotaAsync(CancellationToken.None)).Value!;

        Assert.Equal("req-q", quota.RequestId);
        Assert.Equal(new PurgeQuota { Area = "overseas", Batch = 1000, Total = 10000, Available = 7500 }, quota.UrlQuotaFor("overseas"));
        Assert.Equal(2, quota.UrlPurge!.Count);
        Assert.Equal(new PurgeQuota { Area = "mainland", Batch = 500, Total = 100, Available = 100 }, quota.PathPurge!.Single());
    }

    [Fact]
    public async Task Quota_SendsDescribePurgeQuotaWithAnEmptyObject()
    {
        harness.Handler.RespondJson(QuotaBody);

        await harness.V3().DescribePurgeQuotaAsync(CancellationToken.None);

        var request = harness.Handler.Requests.Single();
        Assert.Equal("DescribePurgeQuota", request.Header("X-TC-Action"));
        Assert.Equal("{}", request.BodyText);
    }

    [Fact]
    public async Task Quota_ErrorIsClassifiedLikeAPurge()
    {
        harness.Handler.RespondJson(ClientHarness.V3Error("AuthFailure.SecretIdNotFound", "no id", "req-a"));

        var outcome = await harness.V3().DescribePurgeQuotaAsync(CancellationToken.None);

        Assert.Equal(ApiFailureKind.Authentication, outcome.Failure!.Kind);
        Assert.Equal("req-a", outcome.Failure.RequestId);
    }

    [Fact]
    public async Task Quota_BusyServer_IsAskedAgain()
    {
        harness.Handler.RespondJson(ClientHarness.V3Error("InternalError")).RespondJson(QuotaBody);

        var outcome = await harness.V3(o => o with { MaxRetries = 3 }).DescribePurgeQuotaAsync(CancellationToken.None);

        Assert.Null(outcome.Failure);
        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.Equal("DescribePurgeQuota", harness.Notices.Single().Action);
    }

    [Fact]
    public async Task Quota_NoAnswer_IsNotRetried()
    {
        harness.Handler.Throw(new HttpRequestException("connection refused")).RespondJson(QuotaBody);

        var outcome = await harness.V3(o => o with { MaxRetries = 3 }).DescribePurgeQuotaAsync(CancellationToken.None);

        Assert.Equal(ApiFailureKind.Retryable, outcome.Failure!.Kind);
        Assert.Single(harness.Handler.Requests);
        Assert.Single(harness.Handler.Requests);
        Assert.Empty(harness.Time.Delays);
    }

    [Fact]
    public async Task Quota_WithoutUrlPurge_IsAnUnexpectedResponse_AskedAgainLikeABusyServer()
    {
        harness.Handler.RespondRepeatedly(2, 200, "{\"Response\":{\"RequestId\":\"req-x\"}}");

        var outcome = await harness.V3(o => o with { MaxRetries = 1 }).DescribePurgeQuotaAsync(CancellationToken.None);

        Assert.Equal(ApiFailureKind.UnexpectedResponse, outcome.Failure!.Kind);
        Assert.Equal(2, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task Quota_AreaNotReported_IsNull()
    {
        harness.Handler.RespondJson("{\"Response\":{\"UrlPurge\":[],\"PathPurge\":[],\"RequestId\":\"r\"}}");

        var outcome = await harness.V3().DescribePurgeQuotaAsync(CancellationToken.None);

        Assert.Null(outcome.Value!.UrlQuotaFor("overseas"));
    }
}
