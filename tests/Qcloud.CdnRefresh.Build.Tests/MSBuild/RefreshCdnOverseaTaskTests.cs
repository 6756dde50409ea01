using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.MSBuild;
using Qcloud.CdnRefresh.Build.Refresh;
using Qcloud.CdnRefresh.Build.Signing;
using Qcloud.CdnRefresh.Build.Tests.Api;
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
    public void Refresh_SignsEveryRequestAsTencentChecksIt_AndRecordsTheAcceptedUrls()
    {
        var handler = new ScriptedHttpHandler().AnswerEveryRequest((request, number) => TencentAnswer(request, number));
        var task = NewTask(log => new RefreshEnvironment
        {
            Log = log,
            Credentials = () => new TencentCredentials(SecretId, SecretKey),
            Variable = _ => null,
            Handler = handler,
        });
        task.BatchSize = "2";

        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));

        Assert.Equal(new[] { "DescribePurgeQuota", "PurgeUrlsCache", "PurgeUrlsCache" }, handler.Requests.Select(r => r.Header("X-TC-Action")).ToArray());
        Assert.All(handler.Requests, request => Assert.Equal(ExpectedSignature(request), Tc3Authorization.Parse(request.Header("Authorization"))!.Signature));
        var expectedUrls = new[] { "https://www.example.com/docs/index.html", "https://www.example.com/index.html", "https://www.example.com/site.css" };
        Assert.Equal(expectedUrls, task.RefreshedUrls.Select(i => i.ItemSpec).OrderBy(u => u, StringComparer.Ordinal).ToArray());
        Assert.Equal(new[] { "docs/index.html", "index.html", "site.css" }, ManifestJson.Read(task.Manifest!).Files.OrderBy(p => p, StringComparer.Ordinal).ToArray());
    }

    private const string SecretId = "AKIDtaskruntime";
    private const string SecretKey = "task-runtime-secret";

    /// <summary>What Tencent answers: the quota first, then a task per purge.</summary>
    private static HttpResponseMessage TencentAnswer(HttpRequestMessage request, int number)
    {
        var action = request.Headers.GetValues("X-TC-Action").Single();
        var body = action == "DescribePurgeQuota"
            ? "{\"Response\":{\"UrlPurge\":[{\"Batch\":1000,\"Total\":10000,\"Available\":10000,\"Area\":\"overseas\"}],\"PathPurge\":[{\"Batch\":20,\"Total\":100,\"Available\":100,\"Area\":\"overseas\"}],\"RequestId\":\"r-" + number + "\"}}"
            : "{\"Response\":{\"TaskId\":\"t-" + number + "\",\"RequestId\":\"r-" + number + "\"}}";
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }

    /// <summary>The signature the fake API's own TC3 code computes for the request's signed headers and body.</summary>
    private static string ExpectedSignature(RecordedRequest request)
    {
        var authorization = Tc3Authorization.Parse(request.Header("Authorization"))!;
        var signed = authorization.SignedHeaders
            .Select(name => new KeyValuePair<string, string>(name, name == "host" ? request.Header("Host") ?? request.Uri!.Authority : request.Header(name)!))
            .ToList();
        var timestamp = long.Parse(request.Header("X-TC-Timestamp")!, System.Globalization.CultureInfo.InvariantCulture);
        return Tc3Signature.SignPost(SecretKey, "cdn", timestamp, signed, request.RawBody.ToArray()).Signature;
    }
}
