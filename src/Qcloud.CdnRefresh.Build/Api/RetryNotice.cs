using System;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>An attempt failed in a retryable way and another one follows after <see cref="Delay"/>.</summary>
internal sealed record RetryNotice
{
    /// <summary>The API action being retried, e.g. <c>PurgeUrlsCache</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The 1-based number of the attempt that just failed.</summary>
    public required int Attempt { get; init; }

    /// <summary>How many attempts are allowed in all (first attempt plus retries).</summary>
    public required int MaxAttempts { get; init; }

    /// <summary>How long the client waits before the next attempt.</summary>
    public required TimeSpan Delay { get; init; }

    /// <summary>Why the attempt failed; safe to log.</summary>
    public required ApiFailure Failure { get; init; }
}
