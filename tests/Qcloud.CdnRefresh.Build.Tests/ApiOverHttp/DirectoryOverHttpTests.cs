using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ApiOverHttp;

public class DirectoryOverHttpTests : OverHttpTestBase
{
    private static readonly string[] Directories = { "https://www.example.com/img/", "https://www.example.com/css/" };

    [Fact]
    public async Task V3_PurgePathCache_IsVerifiedByTheFake_AndChargesThePathQuotaOnly()
    {
        var outcome = await V3().SubmitDirectoriesAsync(Directories, CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.True(request.SignatureVerified);
        Assert.Equal("PurgePathCache", request.Action);
        Assert.Equal(Directories, request.Paths);
        Assert.True(outcome.Succeeded);
        Assert.Equal(request.TaskId, outcome.TaskId);
        Assert.Equal(2, Server.PathsAccepted("overseas"));
        Assert.Equal(0, Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task V2_RefreshCdnOverSeaDir_IsVerifiedByTheFake()
    {
        var outcome = await V2().SubmitDirectoriesAsync(Directories, CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.True(request.SignatureVerified);
        Assert.Equal("RefreshCdnOverSeaDir", request.Action);
        Assert.Equal("0", request.ApiCode);
        Assert.Equal(Directories, request.Paths);
        Assert.Equal(2, outcome.AcceptedCount);
        Assert.Equal(2, Server.PathsAccepted("overseas"));
    }

    [Fact]
    public async Task V2_Mainland_RefreshCdnDir_IsVerifiedByTheFake_WithType1()
    {
        var outcome = await V2(o => o with { Area = "mainland" }).SubmitDirectoriesAsync(Directories, CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.True(request.SignatureVerified);
        Assert.Equal("RefreshCdnDir", request.Action);
        Assert.Equal("1", request.Parameters["type"]);
        Assert.True(outcome.Succeeded);
        Assert.Equal(2, Server.PathsAccepted("mainland"));
    }

    [Fact]
    public async Task DescribePurgeQuota_PathPurge_ReflectsTheDirectoriesAccepted()
    {
        await V2().SubmitDirectoriesAsync(Directories, CancellationToken.None);
        await V3().SubmitDirectoriesAsync(Directories.Take(1).ToArray(), CancellationToken.None);

        var quota = await V3().DescribePurgeQuotaAsync(CancellationToken.None);

        var overseas = quota.PathQuotaFor("overseas")!;
        Assert.Equal(97, overseas.Available);
        Assert.Equal(100, overseas.Total);
        Assert.Equal(20, overseas.Batch);
        Assert.Equal(100, quota.PathQuotaFor("mainland")!.Available);
        Assert.Equal(20, V3Quota.DirectoriesPerRequest(quota, "overseas"));
    }

    [Fact]
    public async Task DirectoryBatches_AreEachSubmitted_AndTheirStatusCanBeAskedFor()
    {
        var directories = Enumerable.Range(0, 5).Select(i => "https://www.example.com/d" + i + "/").ToArray();
        var client = V3();

        var result = await new BatchSubmitter(client.SubmitDirectoriesAsync, 2).SubmitAsync(directories, null, CancellationToken.None);
        var status = await client.GetStatusAsync(
            result.Batches.Select(b => SubmittedBatch.From(b, RefreshTarget.Directories)).ToArray(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(3, RequestsFor("PurgePathCache").Count);
        Assert.Equal(directories, status.Statuses.Select(s => s.Url));
        Assert.True(status.AllDone);
    }
}
