namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// Attempt <c>Attempt</c> (1-based) of <c>MaxAttempts</c> (first attempt plus retries) of <c>Action</c> failed in a
/// retryable way, for a reason safe to log; the next one follows after <c>Delay</c>.
/// </summary>
internal sealed record RetryNotice(string Action, int Attempt, int MaxAttempts, TimeSpan Delay, ApiFailure Failure);
