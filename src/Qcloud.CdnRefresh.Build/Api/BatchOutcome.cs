namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>What became of one batch after all its attempts: accepted, or failed for good.</summary>
internal sealed record BatchOutcome
{
    public bool Succeeded => Failure is null;

    /// <summary>v3 <c>TaskId</c> or v2 <c>data.task_id</c>, when the API gave one.</summary>
    public string? TaskId { get; init; }

    /// <summary>
    /// The client's clock when the accepted attempt was signed; null on failure. A status query needs it: v2 files its
    /// refresh log by the Beijing day of submission.
    /// </summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>Why the batch failed for good, or null when it was accepted.</summary>
    public ApiFailure? Failure { get; init; }

    /// <summary>Entries of an accepted request that the API did not take; they stay owed. Empty for most APIs.</summary>
    public IReadOnlyList<RejectedEntry> Rejected { get; init; } = Array.Empty<RejectedEntry>();

    public static BatchOutcome Accepted(string? taskId) => new() { TaskId = taskId };

    public static BatchOutcome Failed(ApiFailure failure) => new() { Failure = failure };
}
