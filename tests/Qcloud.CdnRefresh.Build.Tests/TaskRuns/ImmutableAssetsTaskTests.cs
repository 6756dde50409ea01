using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Build.Framework;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

/// <summary>
/// The web SDK's endpoints file through the task, against the fake API: immutable files are left alone and recorded,
/// and a file that is not the SDK's is a warning after which every change is still refreshed.
/// </summary>
public sealed class ImmutableAssetsTaskTests
{
    private const string EndpointsFileName = "site.staticwebassets.endpoints.json";

    private static string EndpointsFile(TaskHarness harness) => Path.Combine(harness.PublishDir, EndpointsFileName);

    /// <summary>An endpoints document with one endpoint a route, each with the Cache-Control header given.</summary>
    private static void WriteEndpoints(TaskHarness harness, params (string Route, string CacheControl)[] routes) =>
        File.WriteAllText(
            EndpointsFile(harness),
            """{"Version":1,"ManifestType":"Publish","Endpoints":["""
            + string.Join(",", routes.Select(r => $$"""{"Route":"{{r.Route}}","Selectors":[],"ResponseHeaders":[{"Name":"Cache-Control","Value":"{{r.CacheControl}}"}]}"""))
            + "]}");

    private static void Publish(TaskHarness harness, string fingerprint, string index)
    {
        harness.WriteFile($"_framework/app.{fingerprint}.wasm", "wasm " + fingerprint);
        harness.WriteFile($"_framework/app.{fingerprint}.wasm.br", "br " + fingerprint);
        harness.WriteFile("index.html", index);
        WriteEndpoints(
            harness,
            ($"_framework/app.{fingerprint}.wasm", "max-age=31536000, immutable"),
            ($"_framework/app.{fingerprint}.wasm.br", "max-age=31536000, immutable"),
            ("index.html", "no-cache"),
            ("css/site.css", "no-cache"));
    }

    /// <summary>The endpoints file, and the directory index the package's .props sets, so that index.html also refreshes its folder.</summary>
    private static void Configure(Qcloud.CdnRefresh.Build.MSBuild.RefreshCdnOversea task, TaskHarness harness)
    {
        task.EndpointsFile = EndpointsFile(harness);
        task.DirectoryIndex = "index.html";
    }

    private static string[] ImmutableEntries(TaskHarness harness)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(harness.ManifestPath));
        return manifest.RootElement.GetProperty("files").EnumerateArray()
            .Where(file => file.TryGetProperty("immutable", out var immutable) && immutable.GetBoolean())
            .Select(file => file.GetProperty("path").GetString()!)
            .ToArray();
    }

    [Fact]
    public async Task ImmutableFiles_AreNeverRefreshed_NeitherNewNorDeleted_AndTheManifestRecordsThem()
    {
        await using var harness = await TaskHarness.StartAsync(fileCount: 0);
        harness.WriteFile("css/site.css", "body{}");
        Publish(harness, "abc123", "<script src=\"_framework/app.abc123.wasm\"></script>");
        var first = harness.Run(task => Configure(task, harness));
        File.Delete(Path.Combine(harness.ContentRoot, "_framework", "app.abc123.wasm"));
        File.Delete(Path.Combine(harness.ContentRoot, "_framework", "app.abc123.wasm.br"));
        Publish(harness, "def456", "<script src=\"_framework/app.def456.wasm\"></script>");

        var second = harness.Run(task => Configure(task, harness));

        Assert.True(first.Succeeded, first.AllText);
        Assert.Equal(new[] { "https://www.example.com/", "https://www.example.com/css/site.css", "https://www.example.com/index.html" }, first.AcceptedPurgeUrls.OrderBy(u => u, System.StringComparer.Ordinal));
        Assert.True(second.Succeeded, second.AllText);
        Assert.Equal(new[] { "https://www.example.com/", "https://www.example.com/index.html" }, second.AcceptedPurgeUrls.OrderBy(u => u, System.StringComparer.Ordinal));
        Assert.Equal(new[] { "_framework/app.def456.wasm", "_framework/app.def456.wasm.br" }, ImmutableEntries(harness));
    }

    [Fact]
    public async Task TheSummaryLine_CountsTheImmutableFilesLeftAlone_AndDetailedVerbosityListsThem()
    {
        await using var harness = await TaskHarness.StartAsync(fileCount: 0);
        Publish(harness, "abc123", "v1");
        harness.Run(task => Configure(task, harness));
        File.Delete(Path.Combine(harness.ContentRoot, "_framework", "app.abc123.wasm"));
        File.Delete(Path.Combine(harness.ContentRoot, "_framework", "app.abc123.wasm.br"));
        Publish(harness, "def456", "v2");

        var run = harness.Run(task => Configure(task, harness));

        var summary = Assert.Single(run.Messages, m => m.Importance == MessageImportance.High);
        Assert.StartsWith("CdnRefresh: 3 files (1 modified, 2 deleted, 2 added), 2 immutable left alone, 2 URLs in 1 batch", summary.Message);
        var listed = run.Messages.Where(m => m.Importance == MessageImportance.Low && m.Message!.StartsWith("CdnRefresh: Immutable, left alone: ")).Select(m => m.Message);
        Assert.Equal(new[] { "CdnRefresh: Immutable, left alone: _framework/app.abc123.wasm", "CdnRefresh: Immutable, left alone: _framework/app.abc123.wasm.br" }, listed);
    }

    [Fact]
    public async Task WithSkipImmutableFalse_EveryChangeIsRefreshed_AndNothingIsRecordedImmutable()
    {
        await using var harness = await TaskHarness.StartAsync(fileCount: 0);
        Publish(harness, "abc123", "v1");

        var run = harness.Run(task =>
        {
            Configure(task, harness);
            task.SkipImmutable = "false";
        });

        Assert.True(run.Succeeded, run.AllText);
        Assert.Equal(new[] { "https://www.example.com/", "https://www.example.com/_framework/app.abc123.wasm", "https://www.example.com/index.html" }, run.AcceptedPurgeUrls.OrderBy(u => u, System.StringComparer.Ordinal));
        Assert.Empty(ImmutableEntries(harness));
    }

    [Theory]
    [InlineData("<html>not json</html>")]
    [InlineData("""{"Version":2,"ManifestType":"Publish","Endpoints":[]}""")]
    [InlineData("""{"Version":1,"Endpoints":[{"ResponseHeaders":[]}]}""")]
    public async Task AnEndpointsFileThatIsNotTheSdks_IsWarningQcdn2108_AndEveryChangeIsStillRefreshed(string content)
    {
        await using var harness = await TaskHarness.StartAsync(fileCount: 0);
        harness.WriteFile("_framework/app.abc123.wasm", "wasm");
        harness.WriteFile("index.html", "v1");
        File.WriteAllText(EndpointsFile(harness), content);

        var run = harness.Run(task => Configure(task, harness));

        Assert.True(run.Succeeded, run.AllText);
        Assert.Equal(new[] { "QCDN2108" }, run.WarningCodes);
        Assert.Contains(EndpointsFile(harness), run.Warnings[0].Message);
        Assert.Equal(new[] { "https://www.example.com/", "https://www.example.com/_framework/app.abc123.wasm", "https://www.example.com/index.html" }, run.AcceptedPurgeUrls.OrderBy(u => u, System.StringComparer.Ordinal));
        Assert.Empty(ImmutableEntries(harness));
    }
}
