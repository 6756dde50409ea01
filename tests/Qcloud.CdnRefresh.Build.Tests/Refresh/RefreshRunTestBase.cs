using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Mapping;
using Qcloud.CdnRefresh.Build.Providers.V2;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Refresh;
using Qcloud.CdnRefresh.Build.Reporting;
using Qcloud.CdnRefresh.Build.Signing;
using Qcloud.CdnRefresh.Build.Tests.ChangeDetection;
using Qcloud.CdnRefresh.Build.Tests.Configuration;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Refresh;

/// <summary>
/// A whole <see cref="RefreshRun"/> in-process (no MSBuild) against a fresh fake Tencent API per test: a temporary
/// publish folder with a <c>wwwroot</c>, a manifest outside it, a recording log, counted credential reads and instant
/// (recorded) backoff waits.
/// </summary>
public abstract class RefreshRunTestBase : IAsyncLifetime
{
    protected const string Site = "https://www.example.com/";

    /// <summary>The starting content of <c>wwwroot</c>, relative paths.</summary>
    protected static readonly string[] InitialFiles = { "about.html", "app.js", "css/site.css", "img/logo.png" };

    private readonly TempDirectory temp = new();
    private readonly Dictionary<string, string> variables = new(StringComparer.Ordinal);
    private readonly List<TimeSpan> delays = new();
    private readonly FakeClock requestTimers = new(DateTimeOffset.UnixEpoch);
    private int credentialReads;

    protected FakeTencentApiServer Server { get; private set; } = null!;

    protected virtual FakeTencentApiOptions ServerOptions => new();

    internal RecordingLog Log { get; private set; } = new();

    protected string PublishDir => temp.FullPath("publish");

    protected string ContentRoot => temp.FullPath("publish/wwwroot");

    /// <summary>Outside the content root, as the default <c>obj/</c> location is.</summary>
    protected string ManifestPath => temp.FullPath("state/cdn-refresh-manifest.json");

    protected int CredentialReads => Volatile.Read(ref credentialReads);

    protected IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (delays)
            {
                return delays.ToArray();
            }
        }
    }

    internal virtual TencentCredentials Keys => new(ServerOptions.SecretId, ServerOptions.SecretKey, ServerOptions.Token);

    public async Task InitializeAsync()
    {
        Server = await FakeTencentApiServer.StartAsync(ServerOptions);
        Directory.CreateDirectory(ContentRoot);
        foreach (var file in InitialFiles)
        {
            WriteSiteFile(file, "content of " + file);
        }
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        temp.Dispose();
    }

    protected static string UrlOf(string relativePath) => Site + relativePath;

    protected static string[] UrlsOf(IEnumerable<string> relativePaths) =>
        relativePaths.Select(UrlOf).OrderBy(u => u, StringComparer.Ordinal).ToArray();

    protected void WriteSiteFile(string relativePath, string content) => temp.Write("publish/wwwroot/" + relativePath, content);

    protected void SetVariable(string name, string value) => variables[name] = value;

    /// <summary>Settings that point at the fake with v3, the default API, and the .props' directory index.</summary>
    internal RefreshSettings Settings() => TaskParameters.Parse(
        ("PublishDir", PublishDir),
        ("BaseUrl", Site),
        ("Endpoint", Server.V3Endpoint.ToString()),
        ("Manifest", ManifestPath),
        ("DirectoryIndex", "index.html"),
        ("MaxRetries", "1"),
        ("Timeout", "5"));

    internal RefreshEnvironment Environment() => new()
    {
        Log = Log,
        Credentials = () =>
        {
            Interlocked.Increment(ref credentialReads);
            return Keys;
        },
        Variable = name => variables.TryGetValue(name, out var value) ? value : null,
        RequestTimer = requestTimers.RequestTimer,
        Delay = (delay, token) =>
        {
            token.ThrowIfCancellationRequested();
            lock (delays)
            {
                delays.Add(delay);
            }

            return Task.CompletedTask;
        },
    };

    internal Task<RefreshResult> RunAsync(RefreshSettings? settings = null, CancellationToken cancellationToken = default) =>
        new RefreshRun(settings ?? Settings(), Environment()).RunAsync(cancellationToken);

    /// <summary>A fresh log for the next run, so assertions see only its lines.</summary>
    protected void NewLog() => Log = new RecordingLog();

    /// <summary>URLs of the purge requests the fake accepted, in the order they were sent.</summary>
    protected IReadOnlyList<string> AcceptedByFake(long afterSequence = 0) =>
        PurgeRequests(afterSequence).Where(r => r.StatusCode == 200 && r.ApiCode is null or "0").SelectMany(r => r.Urls).ToList();

    /// <summary>Every refresh request (v3 PurgeUrlsCache or v2 RefreshCdn*), whatever became of it.</summary>
    protected IReadOnlyList<RecordedRequest> PurgeRequests(long afterSequence = 0) =>
        Server.Requests
            .Where(r => r.Sequence > afterSequence && r.Action is V3Provider.PurgeUrlsCacheAction or V2Provider.OverseasAction or V2Provider.MainlandAction)
            .OrderBy(r => r.Sequence)
            .ToList();

    protected long LastSequence() => Server.Requests.Select(r => r.Sequence).DefaultIfEmpty(0).Max();

    /// <summary>The manifest as written on disk, read as plain JSON (not with the product's reader).</summary>
    protected static JsonDocument ReadJson(string path) => JsonDocument.Parse(File.ReadAllBytes(path));

    protected static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    protected string[] ManifestPendingUrls()
    {
        using var manifest = ReadJson(ManifestPath);
        return Strings(manifest.RootElement.GetProperty("pendingUrls"));
    }

    protected static string[] ManifestFilePaths(string path)
    {
        using var manifest = ReadJson(path);
        return manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToArray();
    }
}
