using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Quota;
using Qcloud.CdnRefresh.Build.Refresh;
using Qcloud.CdnRefresh.Build.Signing;
using Qcloud.CdnRefresh.Build.Tests.Api;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Refresh;

/// <summary>Odd inputs and odd answers that must end as a coded diagnostic with the manifest right, never as a crash.</summary>
public sealed class RobustnessTests : RefreshRunTestBase
{
    [Fact]
    public async Task UnchangedRun_StillWritesThePublishedManifest_WhenTheContentRootHasNone()
    {
        var settings = Settings() with { PublishManifest = true };
        await RunAsync(settings);
        var published = Path.Combine(ContentRoot, "cdn-refresh-manifest.json");
        File.Delete(published);

        await RunAsync(settings);

        Assert.True(File.Exists(published));
        Assert.Contains("css/site.css", File.ReadAllText(published));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0' })]
    public async Task ManifestWithTextThatIsNotUnicode_IsWarningQcdn2101_AndEveryFileIsRefreshed(byte[] bad)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ManifestPath)!);
        var before = Encoding.UTF8.GetBytes("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[],\"pendingUrls\":[\"https://www.example.com/");
        var after = Encoding.UTF8.GetBytes("\"]}");
        File.WriteAllBytes(ManifestPath, before.Concat(bad).Concat(after).ToArray());

        await RunAsync();

        Assert.Contains(Log.Warnings, w => w.Code == "QCDN2101");
        Assert.Equal(UrlsOf(InitialFiles).OrderBy(u => u, StringComparer.Ordinal), AcceptedByFake().OrderBy(u => u, StringComparer.Ordinal));
    }

    [Fact]
    public async Task BaselineEntryWithAnImpossiblePath_IsWarningQcdn2101_NotAnErrorEveryRun()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ManifestPath)!);
        File.WriteAllText(ManifestPath, "{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":\"a//b.js\",\"size\":1,\"sha256\":\"" + new string('0', 64) + "\"}]}");

        var result = await RunAsync();

        Assert.Contains(Log.Warnings, w => w.Code == "QCDN2101" && w.Message.Contains("a//b.js"));
        Assert.Empty(Log.Errors);
        Assert.Equal(InitialFiles.Length, result.AcceptedUrls.Count);
    }

    [Fact]
    public async Task OwedUrlsUnderAnotherSpellingOfTheBaseUrl_AreRebased_AndFoldedIntoDirectories()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ManifestPath)!);
        File.WriteAllText(ManifestPath, "{\"version\":1,\"baseUrl\":\"https://www.example.com:443/\",\"files\":[],\"pendingUrls\":[\"https://www.example.com:443/old/x.js\"]}");

        var result = await RunAsync(Settings() with { OverQuota = OverQuotaMode.Directory, DailyQuota = 1, AddedFiles = true });

        Assert.Empty(Log.Errors);
        var paths = Server.Requests.Where(r => r.Action == "PurgePathCache").SelectMany(r => r.Paths).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.StartsWith(Site, p));
        Assert.Contains(result.AcceptedUrls, u => u.Url == Site + "old/x.js");
    }

    [Fact]
    public async Task ReportPathThatIsAFolder_IsWarningQcdn2107_AndTheRefreshStillCounts()
    {
        var folder = Path.Combine(PublishDir, "..", "report-folder");
        Directory.CreateDirectory(folder);

        var result = await RunAsync(Settings() with { ReportPath = folder });

        Assert.Contains(Log.Warnings, w => w.Code == "QCDN2107");
        Assert.Equal(InitialFiles.Length, result.AcceptedUrls.Count);
        Assert.Empty(ManifestPendingUrls());
    }

    [Fact]
    public async Task StepSummaryThatIsAFolder_IsWarningQcdn2107()
    {
        var folder = Path.Combine(PublishDir, "..", "summary-folder");
        Directory.CreateDirectory(folder);
        SetVariable("GITHUB_STEP_SUMMARY", folder);

        await RunAsync();

        Assert.Contains(Log.Warnings, w => w.Code == "QCDN2107");
    }

    [Fact]
    public async Task ResponseThatIsNotUtf8_AfterAnAcceptedBatch_FailsThatBatch_AndKeepsTheFirstInTheManifest()
    {
        var handler = new ScriptedHttpHandler().AnswerEveryRequest((request, n) =>
        {
            var action = request.Headers.GetValues("X-TC-Action").First();
            if (action == "DescribePurgeQuota")
            {
                return Json("{\"Response\":{\"RequestId\":\"q\",\"UrlPurge\":[],\"PathPurge\":[]}}");
            }

            var body = Encoding.UTF8.GetBytes(n == 2 ? "{\"Response\":{\"RequestId\":\"r1\",\"TaskId\":\"t1\"}}" : "{\"Response\":{\"RequestId\":\"rX\",\"TaskId\":\"t2\"}}");
            if (n != 2)
            {
                body[Array.IndexOf(body, (byte)'X')] = 0xFF;
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
        });
        var environment = Environment();
        environment = new RefreshEnvironment { Log = environment.Log, Credentials = environment.Credentials, Variable = environment.Variable, Delay = environment.Delay, Handler = handler };

        var result = await new RefreshRun(Settings() with { BatchSize = 2 }, environment).RunAsync(CancellationToken.None);

        Assert.Equal("QCDN3005", result.FailureCode);
        Assert.Equal(2, result.AcceptedUrls.Count);
        Assert.Equal(2, ManifestPendingUrls().Length);
        Assert.Empty(ManifestPendingUrls().Intersect(result.AcceptedUrls.Select(u => u.Url)));
    }

    [Fact]
    public async Task TokenEchoedInAnErrorPage_NeverReachesTheMessage_EvenCutOff()
    {
        var token = "TOKEN" + new string('t', 300);
        var handler = new ScriptedHttpHandler().AnswerEveryRequest((request, n) => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("<html>bad request: X-TC-Token: " + request.Headers.GetValues("X-TC-Token").First() + "</html>")),
        });
        var environment = Environment();
        environment = new RefreshEnvironment { Log = environment.Log, Credentials = () => new TencentCredentials("AKIDx", "secretkey", token), Variable = environment.Variable, Delay = environment.Delay, Handler = handler };

        var result = await new RefreshRun(Settings(), environment).RunAsync(CancellationToken.None);

        Assert.Equal("QCDN3005", result.FailureCode);
        Assert.DoesNotContain("TOKENttt", result.FailureMessage);
        Assert.DoesNotContain("TOKENttt", Log.ToString());
    }

    [Fact]
    public async Task FailedRefreshSeenBeforeTheStatusQueryFails_IsStillOwed()
    {
        Server.FailUrls(UrlOf("about.html"));
        var settings = Settings() with { Wait = true, BatchSize = 2 };

        // 1 DescribePurgeQuota, 2-3 the purges, 4 the status of batch 1 (about.html failed), 5-6 batch 2's status fails twice.
        Server.InjectFault(FaultRule.V3Error("InternalError", "status down").OnRequest(5));
        Server.InjectFault(FaultRule.V3Error("InternalError", "status down").OnRequest(6));

        await RunAsync(settings);

        Assert.Contains(Log.Errors, e => e.Code == "QCDN3008" && e.Message.Contains("about.html"));
        Assert.Contains(Log.Warnings, w => w.Code == "QCDN3103");
        Assert.Contains(UrlOf("about.html"), ManifestPendingUrls());
    }

    private static HttpResponseMessage Json(string text) => new(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(text)) };
}
