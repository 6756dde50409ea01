using System.Security.Cryptography;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>Settings and seams of an API client. The seams default to the real clock, delay, nonce and network.</summary>
internal sealed record ApiClientOptions
{
    public required Uri Endpoint { get; init; }

    /// <summary><c>overseas</c> or <c>mainland</c>.</summary>
    public string Area { get; init; } = "overseas";

    /// <summary>EdgeOne only: the site id (<c>zone-…</c>) whose cache is purged.</summary>
    public string ZoneId { get; init; } = string.Empty;

    /// <summary>v2 only: <c>HmacSHA1</c> or <c>HmacSHA256</c>.</summary>
    public string SignatureMethod { get; init; } = "HmacSHA1";

    /// <summary>Retries after the first attempt of a request that failed in a retryable way.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Time allowed for one HTTP request, response body included.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First backoff delay; doubled on each retry, capped at <see cref="MaxBackoff"/>, plus up to 50% jitter.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The transport. Tests pass a handler that talks to the fake API; null means a new <see cref="HttpClientHandler"/>.</summary>
    public HttpMessageHandler? Handler { get; init; }

    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;

    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = (delay, token) => Task.Delay(delay, token);

    /// <summary>
    /// Times one attempt: given <see cref="RequestTimeout"/>, it ends when the attempt has run that long, and the attempt
    /// is then abandoned as timed out. Its token is cancelled when the attempt ends first.
    /// </summary>
    public Func<TimeSpan, CancellationToken, Task> RequestTimer { get; init; } = (timeout, token) => Task.Delay(timeout, token);

    /// <summary>v2 <c>Nonce</c> source: a random positive integer per attempt.</summary>
    public Func<uint> Nonce { get; init; } = RandomPositive;

    /// <summary>Jitter source in [0, 1].</summary>
    public Func<double> Jitter { get; init; } = () => RandomPositive() / (double)int.MaxValue;

    /// <summary>Told before each retry, so the task can log it as a warning. Null: retries are silent.</summary>
    public Action<RetryNotice>? OnRetry { get; init; }

    /// <summary>A random integer from 1 to <see cref="int.MaxValue"/>: Tencent wants a positive <c>Nonce</c>.</summary>
    private static uint RandomPositive()
    {
        var bytes = new byte[4];
        using var random = RandomNumberGenerator.Create();
        random.GetBytes(bytes);
        return Math.Max(1u, BitConverter.ToUInt32(bytes, 0) & 0x7FFFFFFF);
    }
}
