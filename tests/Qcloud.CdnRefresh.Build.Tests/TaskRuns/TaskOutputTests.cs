using System;
using System.Linq;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Tests.MSBuild;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

public sealed class TaskOutputTests
{
    [Fact]
    public async Task Refresh_OutputsAcceptedUrlsWithBatchAndTaskIdMetadata()
    {
        await using var harness = await TaskHarness.StartAsync(fileCount: 3);
        var task = harness.NewTask(new RecordingBuildEngine());
        task.BatchSize = "2";

        Assert.True(task.Execute());

        var purges = harness.Server.Requests.Where(r => r.Action == "PurgeUrlsCache").ToList();
        Assert.Equal(2, purges.Count);
        Assert.All(purges, r => Assert.True(r.SignatureVerified));
        var urls = task.RefreshedUrls.Select(i => i.ItemSpec).ToArray();
        Assert.Equal(purges.SelectMany(r => r.Urls).OrderBy(u => u, StringComparer.Ordinal), urls.OrderBy(u => u, StringComparer.Ordinal));
        Assert.All(task.RefreshedUrls, item => Assert.Equal(
            purges[int.Parse(item.GetMetadata("Batch")) - 1].TaskId,
            item.GetMetadata("TaskId")));
    }
}
