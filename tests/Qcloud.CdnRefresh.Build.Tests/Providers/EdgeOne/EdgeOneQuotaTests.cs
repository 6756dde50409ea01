using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Mapping;
using Qcloud.CdnRefresh.Build.Quota;
using Qcloud.CdnRefresh.Build.Tests.Api;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Providers.EdgeOne;

/// <summary>EdgeOne's quota budget: <c>DescribeContentQuota</c>'s <c>purge_url</c> and <c>purge_prefix</c> entries.</summary>
public class EdgeOneQuotaTests
{
    private const string QuotaBody =
        "{\"Response\":{\"PurgeQuota\":[{\"Type\":\"purge_prefix\",\"Batch\":20,\"Daily\":100,\"DailyAvailable\":60}," +
        "{\"Type\":\"purge_url\",\"Batch\":500,\"Daily\":10000,\"DailyAvailable\":7500}," +
        "{\"Type\":\"purge_host\",\"Batch\":20,\"Daily\":100,\"DailyAvailable\":100}]," +
        "\"PrefetchQuota\":[{\"Type\":\"prefetch_url\",\"Batch\":100,\"Daily\":1000,\"DailyAvailable\":1000}],\"RequestId\":\"req-q\"}}";

    private readonly ClientHarness harness = new();

    [Fact]
    public async Task Quota_AsksDescribeContentQuotaForTheZone()
    {
        harness.Handler.RespondJson(QuotaBody);

        await harness.EdgeOne().ReadQuotaAsync(Request(dailyQuota: 10000, batchSize: 1000), offline: false, CancellationToken.None);

        var request = harness.Handler.Requests.Single();
        Assert.Equal("DescribeContentQuota", request.Header("X-TC-Action"));
        Assert.Equal("{\"ZoneId\":\"zone-2noz78a8ev6k\"}", request.BodyText);
    }

    [Fact]
    public async Task Quota_UrlsAreTheSmallerOfDailyAvailableAndDailyQuota_InBatchesOfTheSmallerBatch()
    {
        harness.Handler.RespondJson(QuotaBody);

        var today = await harness.EdgeOne().ReadQuotaAsync(Request(dailyQuota: 10000, batchSize: 1000), offline: false, CancellationToken.None);

        Assert.Equal(7500, today.Urls.Available);
        Assert.Equal(500, today.Urls.Batch);
        Assert.False(today.Urls.DailyQuotaBinds);
    }

    [Fact]
    public async Task Quota_DirectoriesArePurgePrefix()
    {
        harness.Handler.RespondJson(QuotaBody);

        var today = await harness.EdgeOne().ReadQuotaAsync(Request(dailyQuota: 10000, batchSize: 1000), offline: false, CancellationToken.None);

        Assert.Equal(60, today.Directories.Available);
        Assert.Equal(20, today.Directories.Batch);
    }

    [Fact]
    public async Task Quota_ASmallerDailyQuotaBinds()
    {
        harness.Handler.RespondJson(QuotaBody);

        var today = await harness.EdgeOne().ReadQuotaAsync(Request(dailyQuota: 100, batchSize: 50), offline: false, CancellationToken.None);

        Assert.Equal(100, today.Urls.Available);
        Assert.Equal(50, today.Urls.Batch);
        Assert.True(today.Urls.DailyQuotaBinds);
    }

    [Fact]
    public async Task Quota_Offline_AsksNothing_AndCountsOnNoDirectories()
    {
        var today = await harness.EdgeOne().ReadQuotaAsync(Request(dailyQuota: 300, batchSize: 100), offline: true, CancellationToken.None);

        Assert.Empty(harness.Handler.Requests);
        Assert.Equal(300, today.Urls.Available);
        Assert.Equal(100, today.Urls.Batch);
        Assert.Equal(0, today.Directories.Available);
    }

    [Fact]
    public async Task Quota_FailedQuery_FallsBackToDailyQuota()
    {
        harness.Handler.RespondJson("{\"Response\":{\"Error\":{\"Code\":\"ResourceNotFound.ZoneNotFound\",\"Message\":\"m\"},\"RequestId\":\"r\"}}");

        var today = await harness.EdgeOne().ReadQuotaAsync(Request(dailyQuota: 300, batchSize: 100), offline: false, CancellationToken.None);

        Assert.Equal(300, today.Urls.Available);
        Assert.Contains("without DescribeContentQuota purge_url figures", today.Urls.Source);
    }

    private static QuotaRequest Request(int dailyQuota, int batchSize) => new(
        Urls: ClientHarness.Urls(3),
        BaseUrls: new[] { BaseUrl.Parse("https://www.example.com/") },
        Area: "overseas",
        DailyQuota: dailyQuota,
        BatchSize: batchSize,
        OverQuota: OverQuotaMode.Fail);
}
