using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Signing;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Refresh;

/// <summary>The report file and the GitHub step summary. The fake wants a temporary key, so there is a token to leak.</summary>
public class RefreshRunReportTests : RefreshRunTestBase
{
    private const string Token = "fakeSessionTokenThatMustNotLeak";

    protected override FakeTencentApiOptions ServerOptions => new() { Token = Token };

    private string ReportPath => Path.Combine(ContentRoot, "..", "..", "report", "cdn-refresh.json");

    [Fact]
    public async Task ReportFile_IsJsonWithPlannedAcceptedAndPendingUrls()
    {
        WriteSiteFile("js/one.js", "one");
        WriteSiteFile("js/two.js", "two");
        Server.InjectFault(FaultRule.V3Error("LimitExceeded.CdnPurgeUrlExceedDayLimit", "quota used up").OnRequest(3).ForAction("PurgeUrlsCache"));

        await RunAsync(Settings() with { BatchSize = 2, ReportPath = ReportPath });

        var all = UrlsOf(InitialFiles.Concat(new[] { "js/one.js", "js/two.js" }));
        var batch1 = PurgeRequests()[0].Urls;
        using var report = ReadJson(ReportPath);
        var root = report.RootElement;
        Assert.Equal(all, Strings(root.GetProperty("plannedUrls")).OrderBy(u => u, StringComparer.Ordinal));
        Assert.Equal(batch1, root.GetProperty("acceptedUrls").EnumerateArray().Select(u => u.GetProperty("url").GetString()));
        Assert.Equal(all.Except(batch1), Strings(root.GetProperty("pendingUrls")).OrderBy(u => u, StringComparer.Ordinal));
        Assert.Equal("QCDN3003", root.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ReportFile_HoldsNoSecret()
    {
        Server.InjectFault(FaultRule.V3Error("AuthFailure.SignatureFailure", "bad signature").ForAction("PurgeUrlsCache"));

        await RunAsync(Settings() with { ReportPath = ReportPath });

        var text = File.ReadAllText(ReportPath);
        Assert.Contains("QCDN3002", text);
        Assert.DoesNotContain(Keys.SecretKey, text);
        Assert.DoesNotContain(Token, text);
        Assert.DoesNotContain("Signature=", text);
    }

    [Fact]
    public async Task StepSummary_GetsACappedMarkdownTableAppended()
    {
        for (var i = 0; i < 21; i++)
        {
            WriteSiteFile($"pages/p{i:D2}.html", "page " + i);
        }

        var summary = Path.Combine(ContentRoot, "..", "..", "step-summary.md");
        File.WriteAllText(summary, "earlier step\n");
        SetVariable("GITHUB_STEP_SUMMARY", summary);

        await RunAsync();

        var text = File.ReadAllText(summary);
        Assert.StartsWith("earlier step\n", text);
        Assert.Contains("| URL | Status |", text);
        var rows = text.Split('\n').Where(line => line.StartsWith("| " + Site, StringComparison.Ordinal)).ToList();
        Assert.Equal(20, rows.Count);
        Assert.All(rows, row => Assert.EndsWith("| accepted |", row));
        Assert.Contains("and 5 more", text);
        Assert.Equal(25, AcceptedByFake().Count);
    }

    internal override TencentCredentials Keys => new(FakeTencentApiOptions.DefaultSecretId, FakeTencentApiOptions.DefaultSecretKey, Token);
}
