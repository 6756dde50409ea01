namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>An accepted batch, as much as a status query needs of it.</summary>
internal sealed record SubmittedBatch
{
    /// <summary>v3 <c>TaskId</c> or v2 <c>data.task_id</c>; null when the API gave none (v2 overseas, v2 directories).</summary>
    public string? TaskId { get; init; }

    /// <summary>The URLs or directory URLs the API took, as they were sent.</summary>
    public required IReadOnlyList<string> Urls { get; init; }

    /// <summary>When the batch was sent (<see cref="BatchOutcome.SubmittedAt"/>): v2 finds its log by that day.</summary>
    public required DateTimeOffset SubmittedAt { get; init; }

    public RefreshTarget Target { get; init; } = RefreshTarget.Urls;

    /// <summary>The status-query view of an accepted batch.</summary>
    public static SubmittedBatch From(BatchResult batch, RefreshTarget target)
    {
        var outcome = batch.Outcome;
        if (batch.Status != BatchStatus.Accepted || outcome?.SubmittedAt is not { } submittedAt)
        {
            throw new ArgumentException("Only an accepted batch has a status to ask for.", nameof(batch));
        }

        return new SubmittedBatch { TaskId = outcome.TaskId, Urls = batch.AcceptedEntries, SubmittedAt = submittedAt, Target = target };
    }
}
