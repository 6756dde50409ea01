using System;
using System.Linq;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Tests.MSBuild;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task TwoRunsAtOnce_LeaveAValidManifest_AndSendEachUrlOnce()
    {
        await using var harness = await TaskHarness.StartAsync(fileCount: 40);

        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var engine = new RecordingBuildEngine();
            var task = harness.NewTask(engine);
            task.BatchSize = "7";
            return (Succeeded: task.Execute(), engine);
        })).ToArray();
        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join("\n", r.engine.Errors.Select(e => e.Message))));
        var manifest = harness.LoadManifest();
        Assert.NotNull(manifest);
        Assert.Equal(40, manifest!.Files.Count);
        Assert.Empty(manifest.PendingUrls);
        var sent = harness.Server.Requests.Where(r => r.Action == "PurgeUrlsCache").SelectMany(r => r.Urls).ToList();
        Assert.Equal(40, sent.Count);
        Assert.Equal(40, sent.Distinct(StringComparer.Ordinal).Count());
    }
}
