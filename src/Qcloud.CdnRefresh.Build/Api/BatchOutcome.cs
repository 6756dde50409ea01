using System;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>What became of one batch after all its attempts.</summary>
internal sealed record BatchOutcome
{
    public bool Succeeded => Failure is null;

    /// <summary>URLs or directories the API says it accepted (v2 <c>data.count</c>; v3: the batch size).</summary>
    public int AcceptedCount { get; init; }

    /// <summary>v3 <c>TaskId</c> or v2 <c>data.task_id</c>, when the API gave one.</summary>
    public string? TaskId { get; init; }

    /// <summary>v3 <c>RequestId</c> of the last attempt, when there was one.</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// The client's clock when the accepted attempt was signed (its <c>Timestamp</c>); null on failure. A status query
    /// needs it: v2 files its refresh log by the Beijing day of submission.
    /// </summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>How many HTTP requests were made for this batch (1 when the first attempt settled it).</summary>
    public int Attempts { get; init; }

    /// <summary>Why the batch failed for good, or null when it was accepted.</summary>
    public ApiFailure? Failure { get; init; }

    public static BatchOutcome Accepted(int count, string? taskId, string? requestId, int attempts) =>
        new() { AcceptedCount = count, TaskId = taskId, RequestId = requestId, Attempts = attempts };

    public static BatchOutcome Failed(ApiFailure failure, int attempts) =>
        new() { Failure = failure, RequestId = failure.RequestId, Attempts = attempts };
}
