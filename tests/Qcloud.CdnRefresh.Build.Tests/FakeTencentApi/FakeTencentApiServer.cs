using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using System.Threading;
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers like Tencent Cloud CDN's API 3.0 (<see cref="V3Endpoint"/>)
/// and API 2.0 (<see cref="V2Endpoint"/>), verifying signatures with its own code, enforcing batch and
/// daily limits, recording every request and injecting faults on demand.
/// </summary>
public sealed class FakeTencentApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeApiState _state;
    private readonly FaultInjector _faults;
    private readonly CancellationTokenSource _stopping;
    private readonly List<RecordedRequest> _requests;
    private int _disposed;

    private FakeTencentApiServer(
        WebApplication app, FakeApiState state, FaultInjector faults, CancellationTokenSource stopping,
        List<RecordedRequest> requests, Uri baseUri)
    {
        _requests = requests;
        _app = app;
        _state = state;
        _faults = faults;
        _stopping = stopping;
        V3Endpoint = baseUri;
        V2Endpoint = new Uri(baseUri, "v2/index.php");
        EdgeOneEndpoint = new Uri(baseUri, "teo/");
    }

    /// <summary><c>http://127.0.0.1:PORT/teo/</c>: EdgeOne, as if on its own host.</summary>
    public Uri EdgeOneEndpoint { get; }

    /// <summary><c>http://127.0.0.1:PORT/</c></summary>
    public Uri V3Endpoint { get; }

    /// <summary><c>http://127.0.0.1:PORT/v2/index.php</c></summary>
    public Uri V2Endpoint { get; }

    public FakeTencentApiOptions Options => _state.Options;

    /// <summary>A snapshot, in the order the requests finished.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    public static async Task<FakeTencentApiServer> StartAsync(FakeTencentApiOptions? options = null)
    {
        var state = new FakeApiState(options ?? new FakeTencentApiOptions());
        var faults = new FaultInjector();
        var stopping = new CancellationTokenSource();

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = Array.Empty<string>(),
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            // Tencent's own limit for GET is 32 KB (answered 501 by V2Verifier); Kestrel's 8 KB default would cut in first.
            kestrel.Limits.MaxRequestLineSize = 1024 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 1024 * 1024;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        WebApplication app = builder.Build();

        var requests = new List<RecordedRequest>();
        var pipeline = new RequestPipeline(state, faults, r => Add(requests, r), stopping.Token);
        app.Run(pipeline.HandleAsync);
        await app.StartAsync();

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        var port = new Uri(address).Port;
        return new FakeTencentApiServer(app, state, faults, stopping, requests, new Uri($"http://127.0.0.1:{port}/"));
    }

    public void InjectFault(FaultRule rule) => _faults.Add(rule ?? throw new ArgumentNullException(nameof(rule)));

    /// <summary>Replaces the server's clock, against which request timestamps are checked.</summary>
    public void SetClock(Func<DateTimeOffset> clock) => _state.SetClock(clock ?? throw new ArgumentNullException(nameof(clock)));

    /// <summary>Requests that a hang fault has started holding (they are recorded only when the hang ends).</summary>
    public int HangsStarted => _state.HangsStarted;

    /// <summary>
    /// Runs <paramref name="action"/> each time a hang fault begins to hold a request, so a test can time the client's
    /// request out on that event (<see cref="FakeClock.TimeOutRequests"/>).
    /// </summary>
    public void WhenHangStarts(Action action) => _state.OnHangStarted(action ?? throw new ArgumentNullException(nameof(action)));

    /// <summary>Waits until <paramref name="count"/> hangs have started, or five seconds have passed.</summary>
    public async Task WaitForHangsAsync(int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (HangsStarted < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// The first recorded request that matches <paramref name="match"/>, waiting for it: a request held by a hang is
    /// recorded a moment after its client goes away. Fails after five seconds, which only a failing test reaches.
    /// </summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            if (Requests.FirstOrDefault(match) is { } request)
            {
                return request;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("No matching request was recorded.");
    }

    /// <summary>URLs accepted so far in <paramref name="area"/> (<c>mainland</c> or <c>overseas</c>), both APIs together.</summary>
    public int UrlsAccepted(string area) => _state.Ledger.Accepted(area);

    /// <summary>What DescribePurgeQuota would report as <c>Available</c> for <paramref name="area"/>.</summary>
    public int UrlsAvailable(string area) => _state.Ledger.Available(area);

    /// <summary>Directories accepted so far in <paramref name="area"/>, both APIs together.</summary>
    public int PathsAccepted(string area) => _state.PathLedger.Accepted(area);

    /// <summary>What DescribePurgeQuota would report as <c>PathPurge</c> <c>Available</c> for <paramref name="area"/>.</summary>
    public int PathsAvailable(string area) => _state.PathLedger.Available(area);

    /// <summary>From now on, a refreshed entry is reported running for its first <paramref name="queries"/> reports (see <see cref="FakeTencentApiOptions.TaskQueriesUntilDone"/>).</summary>
    public void SetTaskQueriesUntilDone(int queries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(queries);
        _state.Tasks.QueriesUntilDone = queries;
    }

    /// <summary>These URLs or directories, in any task past or future, end <c>fail</c> (v2: -1) instead of <c>done</c>.</summary>
    public void FailUrls(params string[] urls) => _state.Tasks.FailUrls(urls ?? throw new ArgumentNullException(nameof(urls)));

    /// <summary>Every entry of this task (a v3 <c>TaskId</c> or v2 <c>task_id</c>) ends <c>fail</c> instead of <c>done</c>.</summary>
    public void FailTask(string taskId) => _state.Tasks.FailTask(taskId ?? throw new ArgumentNullException(nameof(taskId)));

    /// <summary>From now on, EdgeOne's <c>CreatePurgeTask</c> does not accept these targets: it lists them in <c>FailedList</c> with <paramref name="reason"/>.</summary>
    public void RejectTargets(string reason, params string[] targets)
    {
        foreach (string target in targets)
        {
            _state.RejectedTargets[target] = reason;
        }
    }

    /// <summary>From now on, EdgeOne accepts every target again.</summary>
    public void AcceptAllTargets() => _state.RejectedTargets.Clear();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Hanging requests watch this token, so they end now instead of holding up the shutdown.
        _stopping.Cancel();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private static void Add(List<RecordedRequest> requests, RecordedRequest request)
    {
        lock (requests)
        {
            requests.Add(request);
        }
    }
}
