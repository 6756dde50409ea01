using System;
using System.IO;
using System.Text.Json;
using Qcloud.CdnRefresh.Build.Reporting;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Reporting;

/// <summary>The JSON report and the GitHub step summary count the immutable files a run left alone.</summary>
public sealed class ImmutableCountReportTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TheReport_CountsTheImmutableFilesLeftAlone()
    {
        var path = _folder.FullPath("report.json");

        RunReportWriter.Write(path, Result(immutableLeftAlone: 6));

        using var report = JsonDocument.Parse(File.ReadAllBytes(path));
        Assert.Equal(6, report.RootElement.GetProperty("files").GetProperty("immutableLeftAlone").GetInt32());
    }

    [Fact]
    public void TheStepSummary_CountsTheImmutableFilesLeftAlone()
    {
        var text = StepSummaryWriter.Render(Result(immutableLeftAlone: 6));

        Assert.Contains("15 files, 3 modified, 6 deleted, 6 added, 6 immutable left alone; 0 URLs in 0 batches", text);
    }

    [Fact]
    public void TheStepSummary_WithoutImmutableFiles_SaysNothingOfThem()
    {
        var text = StepSummaryWriter.Render(Result(immutableLeftAlone: 0));

        Assert.Contains("15 files, 3 modified, 6 deleted, 6 added; 0 URLs in 0 batches", text);
    }

    private static RefreshResult Result(int immutableLeftAlone) => new()
    {
        Action = "PurgeUrlsCache",
        Endpoint = new Uri("https://cdn.tencentcloudapi.com/"),
        FilesListed = 15,
        Modified = 3,
        Deleted = 6,
        Added = 6,
        ImmutableLeftAlone = immutableLeftAlone,
    };
}
