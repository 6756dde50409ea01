using System;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>Exponential backoff with jitter: InitialBackoff·2^(retry−1), capped at MaxBackoff, plus up to 50% jitter.</summary>
internal static class RetryBackoff
{
    /// <remarks><c>retryNumber</c>: 1 for the first retry.
    /// <c>jitter</c>: A value in [0, 1): the share of the 50% jitter to add.</remarks>
    public static TimeSpan Compute(int retryNumber, TimeSpan initialBackoff, TimeSpan maxBackoff, double jitter)
    {
        if (retryNumber < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(retryNumber), retryNumber, "Retries are counted from 1.");
        }

        // Doubles, so a large retry number saturates at the cap instead of overflowing.
        var exponential = initialBackoff.TotalMilliseconds * Math.Pow(2, retryNumber - 1);
        var capped = Math.Min(exponential, maxBackoff.TotalMilliseconds);
        var clampedJitter = Math.Max(0, Math.Min(jitter, 1));
        return TimeSpan.FromMilliseconds(Math.Max(0, capped * (1 + (0.5 * clampedJitter))));
    }
}
