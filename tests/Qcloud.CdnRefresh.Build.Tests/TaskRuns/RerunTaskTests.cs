using System.Threading.Tasks;
using Microsoft.Build.Framework;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

/// <summary>The task over the output a finished run left unchanged: the manifest's recorded hashes stand for the files.</summary>
public sealed class RerunTaskTests
{
    [Fact]
    public async Task ARunOverUnchangedFiles_HashesNoFile_AndSendsNothing()
    {
        await using var harness = await TaskHarness.StartAsync();
        var first = harness.Run();
        Assert.True(first.Succeeded, first.AllText);

        var rerun = harness.Run();

        Assert.True(rerun.Succeeded, rerun.AllText);
        Assert.Empty(rerun.Purges);
        Assert.Contains(rerun.Messages, m => m.Importance == MessageImportance.High && m.Message!.Contains(", 0 hashed, "));
    }
}
