using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Refresh;

/// <summary>The fake has fewer URLs left today than the run needs.</summary>
public class RefreshRunQuotaTests : RefreshRunTestBase
{
    protected override FakeTencentApiOptions ServerOptions => new() { DailyQuota = InitialFiles.Length - 1 };

    [Fact]
    public async Task DescribePurgeQuotaBelowTheUrlCount_FailsWithQcdn3007_AndPurgesNothing()
    {
        var exception = await Assert.ThrowsAsync<CdnRefreshException>(() => RunAsync());

        Assert.Equal("QCDN3007", exception.Code);
        Assert.Equal(new[] { "DescribePurgeQuota" }, Server.Requests.Select(r => r.Action));
        Assert.Equal(0, Server.UrlsAccepted("overseas"));
        Assert.False(File.Exists(ManifestPath));
    }
}
