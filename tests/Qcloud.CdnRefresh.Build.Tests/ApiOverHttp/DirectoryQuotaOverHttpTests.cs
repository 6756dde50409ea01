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

    [Fact]
    public async Task V3_MoreDirectoriesThanPathBatch_IsCdnPurgePathExceedBatchLimit_Quota_NotRetried()
    {
        var outcome = await V3().SubmitDirectoriesAsync(Directories(PathBatch + 1), CancellationToken.None);

        Assert.Equal("LimitExceeded.CdnPurgePathExceedBatchLimit", Assert.Single(Server.Requests).ApiCode);
        Assert.Equal(ApiFailureKind.Quota, outcome.Failure!.Kind);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(0, Server.PathsAccepted("overseas"));
    }

    [Fact]
    public async Task V3_DailyPathQuotaUsedUp_IsCdnPurgePathExceedDayLimit_Quota_NotRetried()
    {
        await V3().SubmitDirectoriesAsync(Directories(PathBatch), CancellationToken.None);

        var outcome = await V3().SubmitDirectoriesAsync(Directories(PathBatch), CancellationToken.None);

        Assert.Equal("LimitExceeded.CdnPurgePathExceedDayLimit", outcome.Failure!.ApiCode);
        Assert.Equal(ApiFailureKind.Quota, outcome.Failure.Kind);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(PathBatch, Server.PathsAccepted("overseas"));
    }

    [Fact]
    public async Task V2_MoreDirectoriesThanPerRequestLimit_Is22045_Quota_NotRetried()
    {
        var outcome = await V2().SubmitDirectoriesAsync(Directories(PathBatch + 1), CancellationToken.None);

        Assert.StartsWith("(22045)", Assert.Single(Server.Requests).ApiMessage);
        Assert.Equal(ApiFailureKind.Quota, outcome.Failure!.Kind);
        Assert.Equal("4000 (22045)", outcome.Failure.ApiCode);
        Assert.Equal(1, outcome.Attempts);
    }

    [Fact]
    public async Task V2_DailyDirectoryQuotaUsedUp_Is22046_Quota_NotRetried()
    {
        await V2().SubmitDirectoriesAsync(Directories(PathBatch), CancellationToken.None);

        var outcome = await V2().SubmitDirectoriesAsync(Directories(PathBatch), CancellationToken.None);

        Assert.Equal(ApiFailureKind.Quota, outcome.Failure!.Kind);
        Assert.Equal("4000 (22046)", outcome.Failure.ApiCode);
        Assert.Equal(1, outcome.Attempts);
        Assert.Empty(Notices);
    }

    private static string[] Directories(int count) =>
        Enumerable.Range(0, count).Select(i => "https://www.example.com/dir" + i + "/").ToArray();
}
