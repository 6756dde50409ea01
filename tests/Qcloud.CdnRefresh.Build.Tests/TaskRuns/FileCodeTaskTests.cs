using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

/// <summary>Codes about the knobs and the files, raised through the task as a user meets them: the code, nothing sent, no manifest.</summary>
public sealed class FileCodeTaskTests
{
    [Fact]
    public async Task MaxRetriesAboveTen_IsQcdn1009NamingTheKnob_AndNothingIsSent()
    {
        await using var harness = await TaskHarness.StartAsync();

        var run = harness.Run(task => task.MaxRetries = "11");

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN1009", error.Code);
        Assert.Contains("CdnRefreshMaxRetries", error.Message);
        Assert.Empty(run.Requests);
        Assert.Null(harness.ManifestBytes());
    }

    [Fact]
    public async Task DanglingSymlinkInTheContentRoot_IsQcdn2001NamingIt_AndNothingIsSent()
    {
        await using var harness = await TaskHarness.StartAsync();
        FileLinks.ToFile(Path.Combine(harness.ContentRoot, "gone.css"), Path.Combine(harness.ContentRoot, "missing.css"));

        var run = harness.Run();

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN2001", error.Code);
        Assert.Contains("'gone.css'", error.Message);
        Assert.Empty(run.Requests);
        Assert.Null(harness.ManifestBytes());
    }

    [Fact]
    public async Task SymlinkToAFileOutsideTheContentRoot_IsQcdn2002NamingIt_AndNothingIsSent()
    {
        await using var harness = await TaskHarness.StartAsync();
        var outside = Path.Combine(harness.Root, "secret.txt");
        File.WriteAllText(outside, "not served");
        FileLinks.ToFile(Path.Combine(harness.ContentRoot, "leak.txt"), outside);

        var run = harness.Run();

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN2002", error.Code);
        Assert.Contains("'leak.txt'", error.Message);
        Assert.Empty(run.Requests);
        Assert.Null(harness.ManifestBytes());
    }

    [Fact]
    public async Task ManifestFolderIsAFile_IsQcdn2104_AndNothingIsSent()
    {
        await using var harness = await TaskHarness.StartAsync();
        var folder = Path.GetDirectoryName(harness.ManifestPath)!;
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        File.WriteAllText(folder, "a file where the manifest's folder should be");

        var run = harness.Run();

        Assert.False(run.Succeeded);
        Assert.Equal(new[] { "QCDN2104" }, run.ErrorCodes);
        Assert.Empty(run.Requests);
        Assert.Equal("a file where the manifest's folder should be", File.ReadAllText(folder));
    }
}
