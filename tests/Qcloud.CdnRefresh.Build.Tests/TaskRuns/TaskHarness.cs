using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.MSBuild;
using Qcloud.CdnRefresh.Build.Refresh;
using Qcloud.CdnRefresh.Build.Signing;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Qcloud.CdnRefresh.Build.Tests.MSBuild;


namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

/// <summary>
/// Runs the real <see cref="RefreshCdnOversea"/> task in-process against the fake Tencent API, over a temporary
/// publish folder and manifest; retry delays are recorded and skipped, and a request times out only when a test says so.
/// </summary>
internal sealed class TaskHarness : IAsyncDisposable
{
    public const string BaseUrl = "https://www.example.com/";

    private TaskHarness(FakeTencentApiServer server, string root)
    {
        Server = server;
        Root = root;
    }

    private readonly FakeClock _requestTimers = new(DateTimeOffset.UnixEpoch);
    private Func<DateTimeOffset> _clock = () => DateTimeOffset.UtcNow;

    public FakeTencentApiServer Server { get; }

    public string Root { get; }

    public string PublishDir => Path.Combine(Root, "publish");

    public string ContentRoot => Path.Combine(PublishDir, "wwwroot");

    public string ManifestPath => Path.Combine(Root, "obj", "cdn-refresh", "site.manifest.json");

    /// <summary>Every backoff delay the task asked for, across runs.</summary>
    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    /// <summary>Credentials the task gets; the fake's own key pair unless a test changes it.</summary>
    public Func<TencentCredentials> Credentials { get; set; } = () => throw new InvalidOperationException("set in StartAsync");

    /// <summary>How long the task waits for another holder's lock on the manifest.</summary>
    public TimeSpan ManifestLockTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public static async Task<TaskHarness> StartAsync(FakeTencentApiOptions? options = null, int fileCount = 6)
    {
        var server = await FakeTencentApiServer.StartAsync(options);
        var harness = new TaskHarness(server, Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "qcdn-hard-" + Guid.NewGuid().ToString("N"))).FullName);
        harness.Credentials = () => new TencentCredentials(server.Options.SecretId, server.Options.SecretKey, server.Options.Token);
        for (var i = 0; i < fileCount; i++)
        {
            harness.WriteFile($"f{i}.css", "body{}/*" + i + "*/");
        }

        return harness;
    }

    /// <summary>Stops time at <paramref name="instant"/> for the task and the fake API alike.</summary>
    public void FixClock(DateTimeOffset instant)
    {
        _clock = () => instant;
        Server.SetClock(() => instant);
    }

    /// <summary>Every request the task has in flight times out now (see <see cref="FakeClock.TimeOutRequests"/>).</summary>
    public void TimeOutRequests() => _requestTimers.TimeOutRequests();

    public string UrlOf(string relativePath) => BaseUrl + relativePath;

    public void WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(ContentRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public RefreshCdnOversea NewTask(RecordingBuildEngine engine) => new()
    {
        BuildEngine = engine,
        PublishDir = PublishDir,
        BaseUrl = BaseUrl,
        Endpoint = Server.V3Endpoint.ToString(),
        Manifest = ManifestPath,
        EnvironmentFactory = log => new RefreshEnvironment
        {
            Log = log,
            Credentials = Credentials,
            Variable = _ => null,
            Clock = () => _clock(),
            ManifestLockTimeout = ManifestLockTimeout,
            RequestTimer = _requestTimers.RequestTimer,
            Delay = (delay, token) =>
            {
                Delays.Enqueue(delay);
                token.ThrowIfCancellationRequested();
                return Task.CompletedTask;
            },
        },
    };

    public TaskOutcome Run(Action<RefreshCdnOversea>? configure = null) => RunTask(task => configure?.Invoke(task), _ => { });

    /// <summary>Runs the task while <paramref name="during"/> acts on it from another thread (e.g. cancels it).</summary>
    public TaskOutcome RunTask(Action<RefreshCdnOversea> configure, Action<RefreshCdnOversea> during)
    {
        var before = Server.Requests.Count;
        var engine = new RecordingBuildEngine();
        var task = NewTask(engine);
        configure(task);
        using var done = new ManualResetEventSlim();
        var watcher = Task.Run(() =>
        {
            during(task);
            done.Set();
        });
        var succeeded = task.Execute();
        watcher.Wait(TimeSpan.FromSeconds(30));
        return new TaskOutcome(
            succeeded,
            engine.Errors.ToList(),
            engine.Warnings.ToList(),
            engine.Messages.ToList(),
            task.RefreshedUrls.Select(i => i.ItemSpec).ToList(),
            Server.Requests.Skip(before).ToList());
    }

    /// <summary>The manifest on disk read as raw JSON (not by the product's reader), or null when there is none.</summary>
    public ManifestJson? LoadManifest() => ManifestJson.ReadIfExists(ManifestPath);

    /// <summary>What the next run owes, as the manifest records it; a missing manifest is a failure.</summary>
    public IReadOnlyList<string> Owed() =>
        LoadManifest()?.PendingUrls
        ?? throw new InvalidOperationException($"No manifest at {ManifestPath}: nothing records what is owed.");

    /// <summary>Runs again without faults and checks it sends exactly <paramref name="owed"/>, after which nothing is owed.</summary>
    public void AssertNextRunSendsExactly(IReadOnlyList<string> owed, Action<RefreshCdnOversea>? configure = null)
    {
        var next = Run(configure);

        Xunit.Assert.True(next.Succeeded, next.AllText);
        Xunit.Assert.Equal(owed.OrderBy(u => u, StringComparer.Ordinal), next.AcceptedPurgeUrls.OrderBy(u => u, StringComparer.Ordinal));
        Xunit.Assert.Empty(LoadManifest()!.PendingUrls);
    }

    public byte[]? ManifestBytes() => File.Exists(ManifestPath) ? File.ReadAllBytes(ManifestPath) : null;

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
