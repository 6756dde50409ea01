using System.IO;
using System.Linq;
using System;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.MSBuild;
using Qcloud.CdnRefresh.Build.Refresh;
using Qcloud.CdnRefresh.Build.Signing;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.MSBuild;

public sealed class RefreshCdnOverseaTaskTests : IDisposable
{
    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "qcdn-task-" + Guid.NewGuid().ToString("N"))).FullName;
    private readonly RecordingBuildEngine _engine = new();

    public RefreshCdnOverseaTaskTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "publish", "wwwroot", "docs"));
        File.WriteAllText(Path.Combine(_root, "publish", "wwwroot", "index.html"), "<h1>hi</h1>");
        File.WriteAllText(Path.Combine(_root, "publish", "wwwroot", "site.css"), "body{}");
        File.WriteAllText(Path.Combine(_root, "publish", "wwwroot", "docs", "index.html"), "docs");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private RefreshCdnOversea NewTask(Func<IRefreshLog, RefreshEnvironment>? environment = null) => new()
    {
        BuildEngine = _engine,
        PublishDir = Path.Combine(_root, "publish"),
        BaseUrl = "https://www.example.com/",
        Manifest = Path.Combine(_root, "obj", "manifest.json"),
        EnvironmentFactory = environment ?? (log => new RefreshEnvironment
        {
            Log = log,
            Credentials = () => throw new InvalidOperationException("credentials must not be read"),
            Variable = _ => null,
        }),
    };

    [Fact]
    public void SecretLookingProperty_IsQcdn1007WithHelpLink_AndNothingRuns()
    {
        var task = NewTask();
        task.SecretPropertyNames = new ITaskItem[] { new TaskItem("CdnRefreshSecretKey") };

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("QCDN1007", error.Code);
        Assert.Contains("TENCENTCLOUD_SECRET_KEY", error.Message);
        Assert.EndsWith("#qcdn1007", error.HelpLink);
        Assert.False(File.Exists(task.Manifest));
    }

    [Fact]
    public void BadKnob_IsOneCodedErrorWithoutStackTrace()
    {
        var task = NewTask();
        task.BatchSize = "5000";

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("QCDN1002", error.Code);
        Assert.DoesNotContain(" at Qcloud.", error.Message);
        Assert.EndsWith("#qcdn1002", error.HelpLink);
    }

    [Fact]
    public void DryRun_SucceedsWithoutCredentials_LogsOneHighImportanceSummary_AndWritesNoManifest()
    {
        var task = NewTask();
        task.DryRun = "true";

        Assert.True(task.Execute());

        Assert.Empty(_engine.Errors);
        Assert.Contains(_engine.Messages, m => m.Importance == MessageImportance.High && m.Message!.Contains("3 files (no baseline)") && m.Message.Contains("dry run"));
        Assert.False(File.Exists(task.Manifest));
        Assert.Empty(task.RefreshedUrls);
    }

    [Fact]
    public async System.Threading.Tasks.Task Refresh_OutputsAcceptedUrlsWithBatchAndTaskIdMetadata()
    {
        await using var server = await FakeTencentApiServer.StartAsync();
        var task = NewTask(log => new RefreshEnvironment
        {
            Log = log,
            Credentials = () => new TencentCredentials(server.Options.SecretId, server.Options.SecretKey),
            Variable = _ => null,
        });
        task.Endpoint = server.V3Endpoint.ToString();
        task.BatchSize = "2";

        Assert.True(task.Execute());

        var purges = server.Requests.Where(r => r.Action == "PurgeUrlsCache").ToList();
        Assert.Equal(2, purges.Count);
        Assert.All(purges, r => Assert.True(r.SignatureVerified));
        var urls = task.RefreshedUrls.Select(i => i.ItemSpec).ToArray();
        Assert.Equal(purges.SelectMany(r => r.Urls).OrderBy(u => u, StringComparer.Ordinal), urls.OrderBy(u => u, StringComparer.Ordinal));
        Assert.All(task.RefreshedUrls, item => Assert.Equal(
            purges[int.Parse(item.GetMetadata("Batch")) - 1].TaskId,
            item.GetMetadata("TaskId")));
    }
}
