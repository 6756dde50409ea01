namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>How one kind of request retries where it departs from the client's settings, and the backoff they share.</summary>
internal sealed record RetryPolicy
{
    /// <summary>Purges: every retryable failure, the client's retries, the server's <c>Retry-After</c> honoured.</summary>
    public static readonly RetryPolicy Default = new();

    /// <summary>
    /// <c>DescribePurgeQuota</c>: its answer keeps a run inside today's quota, so a busy server is asked again; but
    /// when no answer comes at all (connection refused, timeout) the purge that follows meets the same endpoint with
    /// its own retries, and retrying here too would double what a dead or hung endpoint costs the build.
    /// </summary>
    public static readonly RetryPolicy QuotaQuery = new() { RetryWithoutAnswer = false };

    /// <summary>
    /// Status polls while waiting: the poll loop keeps its own schedule and timeout (<c>CdnRefreshWaitTimeout</c>), which
    /// a server's <c>Retry-After</c> of up to MaxBackoff on every retry would overrun several times over.
    /// </summary>
    public static readonly RetryPolicy StatusQuery = new() { HonourRetryAfter = false };

    /// <summary>Whether a request that got no HTTP answer (network error, timeout) is retried.</summary>
    public bool RetryWithoutAnswer { get; init; } = true;

    /// <summary>Whether a server's <c>Retry-After</c> may lengthen the backoff (never beyond MaxBackoff).</summary>
    public bool HonourRetryAfter { get; init; } = true;

    /// <summary>
    /// The wait before retry <paramref name="retryNumber"/> (from 1): InitialBackoff·2^(retry−1), capped at MaxBackoff,
    /// plus <paramref name="jitter"/> (0 to 1) of a further 50%.
    /// </summary>
    public static TimeSpan Backoff(int retryNumber, TimeSpan initialBackoff, TimeSpan maxBackoff, double jitter)
    {
        // Doubles, so a large retry number saturates at the cap instead of overflowing.
        var capped = Math.Min(initialBackoff.TotalMilliseconds * Math.Pow(2, retryNumber - 1), maxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Math.Max(0, capped * (1 + (0.5 * Math.Max(0, Math.Min(jitter, 1))))));
    }
}
