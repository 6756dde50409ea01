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

    [Theory]
    [InlineData("v3", "PurgePathCache")]
    [InlineData("v2", "RefreshCdnOverSeaDir")]
    public async Task DirectoryRefresh_IsVerifiedByTheFake_AndChargesThePathQuotaOnly(string api, string action)
    {
        var outcome = await Provider(api).SubmitAsync(RefreshTarget.Directories, Directories, CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.True(request.SignatureVerified);
        Assert.Equal(action, request.Action);
        Assert.Equal(Directories, request.Paths);
        Assert.True(outcome.Succeeded);
        Assert.Equal(request.TaskId, outcome.TaskId);
        Assert.Equal(2, Server.PathsAccepted("overseas"));
        Assert.Equal(0, Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task V2_Mainland_RefreshCdnDir_IsVerifiedByTheFake_WithType1()
    {
        var outcome = await V2(o => o with { Area = "mainland" }).SubmitAsync(RefreshTarget.Directories, Directories, CancellationToken.None);

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
        await V2().SubmitAsync(RefreshTarget.Directories, Directories, CancellationToken.None);
        await V3().SubmitAsync(RefreshTarget.Directories, Directories.Take(1).ToArray(), CancellationToken.None);

        var quota = (await V3().DescribePurgeQuotaAsync(CancellationToken.None)).Value!;

        var overseas = quota.PathQuotaFor("overseas")!;
        Assert.Equal(97, overseas.Available);
        Assert.Equal(100, overseas.Total);
        Assert.Equal(20, overseas.Batch);
        Assert.Equal(100, quota.PathQuotaFor("mainland")!.Available);
        Assert.Equal(20, V3Provider.DirectoriesPerRequest(overseas));
    }

    [Fact]
    public async Task DirectoryBatches_AreEachSubmitted_AndTheirStatusCanBeAskedFor()
    {
        var directories = Enumerable.Range(0, 5).Select(i => "https://www.example.com/d" + i + "/").ToArray();
        var client = V3();

        var result = await new BatchSubmitter((batch, token) => client.SubmitAsync(RefreshTarget.Directories, batch, token), 2)
            .SubmitAsync(directories, null, CancellationToken.None);
        var status = await client.GetStatusAsync(result.Batches, CancellationToken.None);

        Assert.All(result.Batches, b => Assert.Equal(BatchStatus.Accepted, b.Status));
        Assert.Equal(3, RequestsFor("PurgePathCache").Count);
        Assert.Equal(directories, status.Statuses.Select(s => s.Url));
        Assert.All(status.Statuses, s => Assert.Equal(RefreshStatus.Done, s.Status));
    }
}
