using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Mapping;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Refresh;

/// <summary>The report file and the GitHub step summary of a run over several base URLs, and of one over a single one.</summary>
public sealed class RefreshRunBaseUrlsReportTests : RefreshRunTestBase
{
    private string ReportPath => Path.Combine(ContentRoot, "..", "..", "report", "cdn-refresh.json");

    private string StepSummaryPath => Path.Combine(ContentRoot, "..", "..", "step-summary.md");

    private RefreshSettings TwoBaseUrls() => Settings() with { BaseUrls = new[] { BaseUrl.Parse(Site), BaseUrl.Parse("https://cdn.example.com/") } };

    [Fact]
    public async Task TheReportCountsTheUrlsUnderEachBaseUrl_InTheUsersOrder()
    {
        WriteSiteFile("extra.js", "extra");

        await RunAsync(TwoBaseUrls() with { ReportPath = ReportPath });

        using var report = ReadJson(ReportPath);
        var baseUrls = report.RootElement.GetProperty("baseUrls").EnumerateArray()
            .Select(b => (b.GetProperty("baseUrl").GetString()!, b.GetProperty("urlCount").GetInt32()));
        Assert.Equal(new[] { ("https://www.example.com/", 5), ("https://cdn.example.com/", 5) }, baseUrls);
        Assert.Equal(10, report.RootElement.GetProperty("plannedUrls").GetArrayLength());
    }

    [Fact]
    public async Task TheReportOfOneBaseUrl_HasABreakdownOfOne()
    {
        await RunAsync(Settings() with { ReportPath = ReportPath });

        using var report = ReadJson(ReportPath);
        var baseUrl = Assert.Single(report.RootElement.GetProperty("baseUrls").EnumerateArray().ToList());
        Assert.Equal(("https://www.example.com/", 4), (baseUrl.GetProperty("baseUrl").GetString(), baseUrl.GetProperty("urlCount").GetInt32()));
    }

    [Fact]
    public async Task TheStepSummaryHasARowPerBaseUrl()
    {
        SetVariable("GITHUB_STEP_SUMMARY", StepSummaryPath);

        await RunAsync(TwoBaseUrls());

        var text = File.ReadAllText(StepSummaryPath);
        Assert.Contains("4 files, 0 modified, 0 deleted, 0 added; 8 URLs under 2 base URLs in 1 batch, 8 accepted, 0 pending.\n\n", text);
        Assert.Contains("| Base URL | URLs |\n| --- | --- |\n| https://www.example.com/ | 4 |\n| https://cdn.example.com/ | 4 |\n\n| URL | Status |\n", text);
    }

    [Fact]
    public async Task TheStepSummaryOfOneBaseUrl_HasNoBaseUrlTable()
    {
        SetVariable("GITHUB_STEP_SUMMARY", StepSummaryPath);

        await RunAsync();

        var text = File.ReadAllText(StepSummaryPath);
        Assert.StartsWith("### CDN refresh\n\n4 files, 0 modified, 0 deleted, 0 added; 4 URLs in 1 batch, 4 accepted, 0 pending.\n\n| URL | Status |\n", text);
        Assert.DoesNotContain("Base URL", text, StringComparison.Ordinal);
    }
}
