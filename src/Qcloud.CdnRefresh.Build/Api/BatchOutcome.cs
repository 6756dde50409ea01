using System.Globalization;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// One batch of URLs or directories and what became of it: what a provider answers to a submission, what a submission
/// reports per batch, and what a status query asks about (its accepted entries, task and signing time).
/// </summary>
internal sealed record BatchOutcome
{
    public RefreshTarget Target { get; init; } = RefreshTarget.Urls;

    /// <summary>The URLs or directory URLs of the batch, as they were sent.</summary>
    public IReadOnlyList<string> Urls { get; init; } = Array.Empty<string>();

    /// <summary>1-based position in the submission, as users count; 0 outside one.</summary>
    public int Number { get; init; }

    public int TotalBatches { get; init; }

    public BatchStatus Status { get; init; } = BatchStatus.Accepted;

    public bool Succeeded => Status == BatchStatus.Accepted;

    /// <summary>v3 <c>TaskId</c> or v2 <c>data.task_id</c>; null when the API gave none (v2 overseas, v2 directories).</summary>
    public string? TaskId { get; init; }

    /// <summary>
    /// The client's clock when the accepted attempt was signed; default when the batch was not accepted. A status query
    /// needs it: v2 files its refresh log by the Beijing day of submission.
    /// </summary>
    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>Why the batch failed for good, or null when it did not.</summary>
    public ApiFailure? Failure { get; init; }

    /// <summary>Entries of an accepted request that the API did not take; they stay owed. Empty for most APIs.</summary>
    public IReadOnlyList<RejectedEntry> Rejected { get; init; } = Array.Empty<RejectedEntry>();

    /// <summary>
    /// The entries the API took: those of an accepted batch but the ones it rejected; none otherwise. A rejected entry
    /// is matched percent-decoded too, since an API may name a target decoded that was sent encoded.
    /// </summary>
    public IReadOnlyList<string> AcceptedEntries => !Succeeded
        ? Array.Empty<string>()
        : Rejected.Count == 0
            ? Urls
            : EntriesRejected(rejected: false);

    /// <summary>The entries still owed: all of a batch that was not accepted, the rejected ones of one that was.</summary>
    public IReadOnlyList<string> OwedEntries => !Succeeded
        ? Urls
        : Rejected.Count == 0
            ? Array.Empty<string>()
            : EntriesRejected(rejected: true);

    /// <summary>"2 of 5".</summary>
    public string Label => Number.ToString(CultureInfo.InvariantCulture) + " of " + TotalBatches.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The batch's entries the API rejected (<paramref name="rejected"/>), or those it took. Names are compared
    /// percent-decoded, since an API may name decoded a target that was sent encoded; the rejected ones are decoded once.
    /// </summary>
    private List<string> EntriesRejected(bool rejected)
    {
        var decoded = new HashSet<string>(Rejected.Select(entry => Uri.UnescapeDataString(entry.Entry)), StringComparer.Ordinal);
        return Urls.Where(entry => decoded.Contains(Uri.UnescapeDataString(entry)) == rejected).ToList();
    }

    public static BatchOutcome Accepted(string? taskId) => new() { TaskId = taskId };

    public static BatchOutcome Failed(ApiFailure failure) => new() { Status = BatchStatus.Failed, Failure = failure };
}
