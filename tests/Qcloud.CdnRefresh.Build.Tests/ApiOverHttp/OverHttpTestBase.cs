using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers;
using Qcloud.CdnRefresh.Build.Providers.V2;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Signing;
using Qcloud.CdnRefresh.Build.Tests;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Qcloud.CdnRefresh.Build.Tests.Refresh;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ApiOverHttp;

/// <summary>
/// The real clients against a fresh fake server per test, over real HTTP on 127.0.0.1: no scripted handler. The client
/// and the server share one clock; backoff waits return at once and are recorded.
/// </summary>
public abstract class OverHttpTestBase : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly List<RetryNotice> notices = new();
    private readonly List<IDisposable> clients = new();
    private uint nextNonce = 5000;

    protected FakeClock Clock { get; } = new(Start);

    protected FakeTencentApiServer Server { get; private set; } = null!;

    /// <summary>What the server is started with; its clock is always <see cref="Clock"/>.</summary>
    protected virtual FakeTencentApiOptions ServerOptions => new();

    internal IReadOnlyList<RetryNotice> Notices
    {
        get
        {
            lock (notices)
            {
                return notices.ToArray();
            }
        }
    }

    internal static TencentCredentials FakeKeys =>
        new(FakeTencentApiOptions.DefaultSecretId, FakeTencentApiOptions.DefaultSecretKey);

    public async Task InitializeAsync()
    {
        var options = ServerOptions;
        Server = await FakeTencentApiServer.StartAsync(new FakeTencentApiOptions
        {
            SecretId = options.SecretId,
            SecretKey = options.SecretKey,
            Token = options.Token,
            ExtraKeys = options.ExtraKeys,
            BatchLimit = options.BatchLimit,
            DailyQuota = options.DailyQuota,
            PathBatchLimit = options.PathBatchLimit,
            DailyPathQuota = options.DailyPathQuota,
            TaskQueriesUntilDone = options.TaskQueriesUntilDone,
            PurgeTasksPageCap = options.PurgeTasksPageCap,
            KnownHosts = options.KnownHosts,
            DefaultArea = options.DefaultArea,
            Clock = Clock.Now,
        });
    }

    public async Task DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        await Server.DisposeAsync();
    }

    internal static string[] Urls(int count, string prefix = "https://www.example.com/file") =>
        Enumerable.Range(0, count).Select(i => prefix + i + ".js").ToArray();

    internal ApiClientOptions Options(Uri endpoint) => new()
    {
        Endpoint = endpoint,
        Area = "overseas",
        Clock = Clock.Now,
        Delay = Clock.Delay,
        RequestTimer = Clock.RequestTimer,
        Nonce = () => Interlocked.Increment(ref nextNonce),
        Jitter = () => 0,
        MaxRetries = 3,
        InitialBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(10),
        RequestTimeout = TimeSpan.FromSeconds(5),
        OnRetry = notice =>
        {
            lock (notices)
            {
                notices.Add(notice);
            }
        },
    };

    internal V3Provider V3(Func<ApiClientOptions, ApiClientOptions>? adjust = null, TencentCredentials? credentials = null) =>
        (V3Provider)Provider("v3", adjust, credentials);

    internal V2Provider V2(Func<ApiClientOptions, ApiClientOptions>? adjust = null, TencentCredentials? credentials = null) =>
        (V2Provider)Provider("v2", adjust, credentials);

    /// <summary>The provider <paramref name="api"/> names, as the registry builds it, wired to the fake.</summary>
    internal IRefreshProvider Provider(string api, Func<ApiClientOptions, ApiClientOptions>? adjust = null, TencentCredentials? credentials = null)
    {
        var registration = ProviderRegistration.All.Single(p => p.Name == api);
        var endpoint = api switch { "v2" => Server.V2Endpoint, "edgeone" => Server.EdgeOneEndpoint, _ => Server.V3Endpoint };
        var options = Options(endpoint);
        return Track(registration.Create(new ProviderContext(
            Client: (adjust ?? (o => o))(api == "edgeone" ? options with { ZoneId = FakeTencentApiOptions.DefaultZoneId } : options),
            Credentials: () => credentials ?? FakeKeys,
            Log: new RecordingLog())));
    }

    /// <summary>Where the fake counts what <paramref name="api"/> purges with the default area: EdgeOne's zone, else <c>overseas</c>.</summary>
    internal static string QuotaOf(string api) => api == "edgeone" ? FakeTencentApiOptions.DefaultZoneId : "overseas";

    /// <summary>The requests that carried <paramref name="action"/>, in the order they finished.</summary>
    protected IReadOnlyList<RecordedRequest> RequestsFor(string action) =>
        Server.Requests.Where(r => r.Action == action).ToList();

    /// <summary>
    /// The server records a request when it is done with it; one whose client went away is recorded a moment after
    /// the client gave up. Waits (briefly) until <paramref name="count"/> requests are recorded.
    /// </summary>
    protected async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count)
    {
        var stopwatch = Stopwatch.StartNew();
        while (Server.Requests.Count < count && stopwatch.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }

        return Server.Requests.OrderBy(r => r.Sequence).ToList();
    }

    private T Track<T>(T client)
        where T : IDisposable
    {
        clients.Add(client);
        return client;
    }
}
