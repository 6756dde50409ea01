using System.Threading.Tasks;
using System.Threading;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ApiOverHttp;

public class PurgeQuotaOverHttpTests : OverHttpTestBase
{
    protected override FakeTencentApiOptions ServerOptions => new() { DailyQuota = 50, BatchLimit = 20 };

    [Fact]
    public async Task DescribePurgeQuota_ReflectsWhatTheFakeHasAcceptedPerArea()
    {
        await V3().SubmitAsync(RefreshTarget.Urls, Urls(7), CancellationToken.None);
        await V3(o => o with { Area = "mainland" }).SubmitAsync(RefreshTarget.Urls, Urls(3), CancellationToken.None);

        var quota = (await V3().DescribePurgeQuotaAsync(CancellationToken.None)).Value!;

        var overseas = quota.UrlQuotaFor("overseas")!;
        var mainland = quota.UrlQuotaFor("mainland")!;
        Assert.Equal(Server.UrlsAvailable("overseas"), overseas.Available);
        Assert.Equal(43, overseas.Available);
        Assert.Equal(47, mainland.Available);
        Assert.Equal(50, overseas.Total);
        Assert.Equal(20, overseas.Batch);
        Assert.Equal("DescribePurgeQuota", Server.Requests[2].Action);
        Assert.True(Server.Requests[2].SignatureVerified);
    }
}
