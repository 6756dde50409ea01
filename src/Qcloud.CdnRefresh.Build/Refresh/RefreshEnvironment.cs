using Qcloud.CdnRefresh.Build.Credentials;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Signing;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>What a run takes from the outside world: the seams tests replace.</summary>
internal sealed class RefreshEnvironment
{
    public required IRefreshLog Log { get; init; }

    /// <summary>Called only when something will be sent, so a dry run or a run with nothing to send needs no key.</summary>
    public required Func<TencentCredentials> Credentials { get; init; }

    /// <summary>Reads an environment variable that is not a secret (GITHUB_STEP_SUMMARY).</summary>
    public Func<string, string?> Variable { get; init; } = Environment.GetEnvironmentVariable;

    public HttpMessageHandler? Handler { get; init; }

    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;

    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = (delay, token) => Task.Delay(delay, token);

    /// <summary>Times one request against <c>CdnRefreshTimeout</c> (see <see cref="Api.ApiClientOptions.RequestTimer"/>).</summary>
    public Func<TimeSpan, CancellationToken, Task> RequestTimer { get; init; } = (timeout, token) => Task.Delay(timeout, token);

    /// <summary>How long a run waits for another build's lock on the manifest (longer by <c>CdnRefreshWaitTimeout</c> with <c>CdnRefreshWait</c>).</summary>
    public TimeSpan ManifestLockTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public static RefreshEnvironment FromProcess(IRefreshLog log) => new()
    {
        Log = log,
        Credentials = () => CredentialsReader.FromProcess().Read(),
    };
}
