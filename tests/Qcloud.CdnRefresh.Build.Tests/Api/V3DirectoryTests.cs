using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

public class V3DirectoryTests
{
    private static readonly string[] Directories = { "https://www.example.com/img/", "https://www.example.com/css/" };

    private readonly ClientHarness harness = new();

    [Fact]
    public async Task PurgePathCache_BodyHasExactlyPathsFlushTypeFlushAndArea()
    {
        harness.Handler.RespondJson(ClientHarness.V3Success());

        await harness.V3().SubmitAsync(RefreshTarget.Directories, Directories, CancellationToken.None);

        var request = harness.Handler.Requests.Single();
        Assert.Equal("PurgePathCache", request.Header("X-TC-Action"));
        Assert.Equal(
            "{\"Paths\":[\"https://www.example.com/img/\",\"https://www.example.com/css/\"],\"FlushType\":\"flush\",\"Area\":\"overseas\"}",
            request.BodyText);
    }

    [Fact]
    public async Task PurgePathCache_Accepted_CarriesTaskIdAndTheSigningTime()
    {
        harness.Handler.RespondJson(ClientHarness.V3Success("1700000000-path0001", "req-p"));

        var outcome = await harness.V3().SubmitAsync(RefreshTarget.Directories, Directories, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal("1700000000-path0001", outcome.TaskId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(ClientHarness.StartTimestamp), outcome.SubmittedAt);
    }

    [Theory]
    [InlineData("LimitExceeded.CdnPurgePathExceedBatchLimit")]
    [InlineData("LimitExceeded.CdnPurgePathExceedDayLimit")]
    public async Task PurgePathCache_PathLimitErrors_AreQuota_NotRetried(string code)
    {
        harness.Handler.RespondJson(ClientHarness.V3Error(code));

        var outcome = await harness.V3().SubmitAsync(RefreshTarget.Directories, Directories, CancellationToken.None);

        Assert.Equal(ApiFailureKind.Quota, outcome.Failure!.Kind);
        Assert.Single(harness.Handler.Requests);
        Assert.Null(outcome.SubmittedAt);
    }

    [Theory]
    [InlineData("https://www.example.com/img")]
    [InlineData("/img/")]
    [InlineData("ftp://www.example.com/img/")]
    public async Task SubmitDirectories_EntryThatIsNotAnHttpDirectory_IsRejectedBeforeSending(string directory)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => harness.V3().SubmitAsync(RefreshTarget.Directories, new[] { directory }, CancellationToken.None));

        Assert.Empty(harness.Handler.Requests);
    }

    [Fact]
    public void PerRequestLimitV3_IsTheAreasPathPurgeBatch()
    {
        Assert.Equal(50, V3Quota.DirectoriesPerRequest(new PurgeQuota { Area = "overseas", Batch = 50, Total = 100, Available = 100 }));
    }

    [Fact]
    public void PerRequestLimitV3_WithoutAReportedBatch_Is20()
    {
        Assert.Equal(20, V3Quota.DirectoriesPerRequest(new PurgeQuota { Area = "overseas", Batch = 0, Total = 100, Available = 100 }));
        Assert.Equal(20, V3Quota.DirectoriesPerRequest(null));
    }

    [Fact]
    public async Task DirectoryBatches_AreEachSentAsPurgePathCache()
    {
        harness.Handler.RespondJson(ClientHarness.V3Success("t1")).RespondJson(ClientHarness.V3Success("t2"));
        var directories = Enumerable.Range(0, 3).Select(i => "https://www.example.com/d" + i + "/").ToArray();
        var provider = harness.V3();

        var result = await new BatchSubmitter((batch, token) => provider.SubmitAsync(RefreshTarget.Directories, batch, token), 2).SubmitAsync(directories, null, CancellationToken.None);

        Assert.All(result.Batches, b => Assert.Equal(BatchStatus.Accepted, b.Status));
        Assert.Equal(directories, result.AcceptedUrls);
        Assert.All(harness.Handler.Requests, r => Assert.Equal("PurgePathCache", r.Header("X-TC-Action")));
        Assert.Equal(new[] { "t1", "t2" }, result.Batches.Select(b => b.Outcome!.TaskId));
    }
}
