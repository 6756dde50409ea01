using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ApiOverHttp;

/// <summary>Directory limits smaller than Tencent's, so a few directories reach them.</summary>
public class DirectoryQuotaOverHttpTests : OverHttpTestBase
{
    private const int PathBatch = 3;
    private const int PathsPerDay = 5;

    protected override FakeTencentApiOptions ServerOptions => new() { PathBatchLimit = PathBatch, DailyPathQuota = PathsPerDay };

    [Theory]
    [InlineData("v3", "LimitExceeded.CdnPurgePathExceedBatchLimit")]
    [InlineData("v2", "4000 (22045)")]
    public async Task MoreDirectoriesThanThePerRequestLimit_IsQuota_NotRetried(string api, string apiCode)
    {
        var outcome = await Provider(api).SubmitAsync(RefreshTarget.Directories, Directories(PathBatch + 1), CancellationToken.None);

        Assert.Single(Server.Requests);
        Assert.Equal(ApiFailureKind.Quota, outcome.Failure!.Kind);
        Assert.Equal(apiCode, outcome.Failure.ApiCode);
        Assert.Equal(0, Server.PathsAccepted("overseas"));
        Assert.Empty(Notices);
    }

    [Theory]
    [InlineData("v3", "LimitExceeded.CdnPurgePathExceedDayLimit")]
    [InlineData("v2", "4000 (22046)")]
    public async Task DailyDirectoryQuotaUsedUp_IsQuota_NotRetried(string api, string apiCode)
    {
        var provider = Provider(api);
        await provider.SubmitAsync(RefreshTarget.Directories, Directories(PathBatch), CancellationToken.None);

        var outcome = await provider.SubmitAsync(RefreshTarget.Directories, Directories(PathBatch), CancellationToken.None);

        Assert.Equal(2, Server.Requests.Count);
        Assert.Equal(ApiFailureKind.Quota, outcome.Failure!.Kind);
        Assert.Equal(apiCode, outcome.Failure.ApiCode);
        Assert.Equal(PathBatch, Server.PathsAccepted("overseas"));
        Assert.Empty(Notices);
    }

    private static string[] Directories(int count) =>
        Enumerable.Range(0, count).Select(i => "https://www.example.com/dir" + i + "/").ToArray();
}
