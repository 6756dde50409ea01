namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>Where one batch of a submission ended.</summary>
internal enum BatchStatus
{
    Accepted,

    /// <summary>The API refused the batch for good (after any retries).</summary>
    Failed,

    /// <summary>The batch was in flight when the build was cancelled: the API may or may not have it, so it is owed.</summary>
    Interrupted,

    /// <summary>Never sent, because an earlier batch failed or the build was cancelled.</summary>
    NotSent,
}
