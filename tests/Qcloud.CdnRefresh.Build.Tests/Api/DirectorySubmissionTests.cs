using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Xunit;
using static Qcloud.CdnRefresh.Build.Providers.V3.V3Provider;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

/// <summary>Directory refresh: what the providers share as theories, then each flavour's own request shape and limits.</summary>
public class DirectorySubmissionTests
{
    private static readonly string[] Directories = { "https://www.example.com/img/", "https://www.example.com/css/" };

    private readonly ClientHarness harness = new();

    [Theory]
    [InlineData("v2", "overseas", "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"count\":2}}", "RefreshCdnOverSeaDir")]
    [InlineData("v2", "mainland", "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\"}", "RefreshCdnDir")]
    [InlineData("v3", "overseas", "{\"Response\":{\"RequestId\":\"r\",\"TaskId\":\"t\"}}", "PurgePathCache")]
    [InlineData("v3", "mainland", "{\"Response\":{\"RequestId\":\"r\",\"TaskId\":\"t\"}}", "PurgePathCache")]
    [InlineData("edgeone", "overseas", "{\"Response\":{\"RequestId\":\"r\",\"JobId\":\"j\"}}", "CreatePurgeTask")]
    public async Task SubmitDirectories_SendsTheAreasDirectoryAction(string flavour, string area, string answer, string action)
    {
        harness.Handler.RespondJson(answer);

        var provider = harness.Provider(flavour, o => o with { Area = area });
        await provider.SubmitAsync(RefreshTarget.Directories, Directories, CancellationToken.None);

        Assert.Equal(action, provider.DirectoryAction);
        Assert.Equal(action, ClientHarness.ActionOf(harness.Handler.Requests.Single()));
    }

    [Theory]
    [InlineData("v2", "mainland", "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\"}", null)]
    [InlineData("v3", "overseas", "{\"Response\":{\"RequestId\":\"req-p\",\"TaskId\":\"1700000000-path0001\"}}", "1700000000-path0001")]
    [InlineData("edgeone", "overseas", "{\"Response\":{\"RequestId\":\"req-p\",\"JobId\":\"20ke5j9ciqo5\",\"FailedList\":[]}}", "20ke5j9ciqo5")]
    public async Task SubmitDirectories_Accepted_CarriesTheTaskIdAndTheSigningTime(string flavour, string area, string answer, string? taskId)
    {
        harness.Handler.RespondJson(answer);

        var outcome = await harness.Provider(flavour, o => o with { Area = area }).SubmitAsync(RefreshTarget.Directories, Directories, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(taskId, outcome.TaskId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1551113065), outcome.SubmittedAt);
    }

    [Theory]
    [InlineData("v2", "{\"code\":4000,\"message\":\"(22045)单次提交刷新目录超出上限\",\"codeDesc\":\"InvalidParameter\"}", "4000 (22045)")]
    [InlineData("v2", "{\"code\":4000,\"message\":\"(22046)目录刷新数目超出单日限额\",\"codeDesc\":\"InvalidParameter\"}", "4000 (22046)")]
    [InlineData("v3", "{\"Response\":{\"Error\":{\"Code\":\"LimitExceeded.CdnPurgePathExceedBatchLimit\",\"Message\":\"m\"},\"RequestId\":\"r\"}}", "LimitExceeded.CdnPurgePathExceedBatchLimit")]
    [InlineData("v3", "{\"Response\":{\"Error\":{\"Code\":\"LimitExceeded.CdnPurgePathExceedDayLimit\",\"Message\":\"m\"},\"RequestId\":\"r\"}}", "LimitExceeded.CdnPurgePathExceedDayLimit")]
    [InlineData("edgeone", "{\"Response\":{\"Error\":{\"Code\":\"LimitExceeded.BatchQuota\",\"Message\":\"m\"},\"RequestId\":\"r\"}}", "LimitExceeded.BatchQuota")]
    public async Task SubmitDirectories_PathLimitErrors_AreQuota_NotRetried(string flavour, string answer, string apiCode)
    {
        harness.Handler.RespondJson(answer);

        var outcome = await harness.Provider(flavour).SubmitAsync(RefreshTarget.Directories, Directories, CancellationToken.None);

        Assert.Equal(ApiFailureKind.Quota, outcome.Failure!.Kind);
        Assert.Equal(apiCode, outcome.Failure.ApiCode);
        Assert.Single(harness.Handler.Requests);
        Assert.Equal(default, outcome.SubmittedAt);
    }

    [Fact]
    public async Task V2Overseas_SendsDirsN_AndNoType()
    {
        harness.Handler.RespondJson(ClientHarness.V2Success(2));

        await harness.V2(o => o with { Area = "overseas" }).SubmitAsync(RefreshTarget.Directories, Directories, CancellationToken.None);

        var form = harness.Handler.Requests.Single().Form;
        Assert.Equal(Directories[0], form["dirs.0"]);
        Assert.Equal(Directories[1], form["dirs.1"]);
        Assert.False(form.ContainsKey("type"));
        Assert.DoesNotContain(form.Keys, k => k.StartsWith("urls", StringComparison.Ordinal));
    }

    [Fact]
    public async Task V2Mainland_SendsDirsN_WithType1()
    {
        harness.Handler.RespondJson("{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\"}");

        await harness.V2(o => o with { Area = "mainland" }).SubmitAsync(RefreshTarget.Directories, Directories, CancellationToken.None);

        var form = harness.Handler.Requests.Single().Form;
        Assert.Equal("1", form["type"]);
        Assert.Equal(Directories[1], form["dirs.1"]);
    }

    [Fact]
    public async Task V2_MoreThan20Directories_AreRejectedBeforeSending()
    {
        var directories = Enumerable.Range(0, 21).Select(i => "https://a.example/d" + i + "/").ToArray();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => harness.V2().SubmitAsync(RefreshTarget.Directories, directories, CancellationToken.None));

        Assert.Empty(harness.Handler.Requests);
    }

    [Fact]
    public async Task V3PurgePathCache_BodyHasExactlyPathsFlushTypeFlushAndArea()
    {
        harness.Handler.RespondJson(ClientHarness.V3Success());

        await harness.V3().SubmitAsync(RefreshTarget.Directories, Directories, CancellationToken.None);

        Assert.Equal(
            "{\"Paths\":[\"https://www.example.com/img/\",\"https://www.example.com/css/\"],\"FlushType\":\"flush\",\"Area\":\"overseas\"}",
            harness.Handler.Requests.Single().BodyText);
    }

    [Theory]
    [InlineData("https://www.example.com/img")]
    [InlineData("/img/")]
    [InlineData("ftp://www.example.com/img/")]
    public async Task V3_DirectoryThatIsNotAnHttpDirectory_IsRejectedBeforeSending(string directory)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => harness.V3().SubmitAsync(RefreshTarget.Directories, new[] { directory }, CancellationToken.None));

        Assert.Empty(harness.Handler.Requests);
    }

    [Fact]
    public void PerRequestLimitV3_IsTheAreasPathPurgeBatch()
    {
        Assert.Equal(50, V3Provider.DirectoriesPerRequest(new PurgeQuota { Area = "overseas", Batch = 50, Total = 100, Available = 100 }));
    }

    [Fact]
    public void PerRequestLimitV3_WithoutAReportedBatch_Is20()
    {
        Assert.Equal(20, V3Provider.DirectoriesPerRequest(new PurgeQuota { Area = "overseas", Batch = 0, Total = 100, Available = 100 }));
        Assert.Equal(20, V3Provider.DirectoriesPerRequest(null));
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
        Assert.Equal(new[] { "t1", "t2" }, result.Batches.Select(b => b.TaskId));
    }
}
