namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// What became of all batches of a run, counted in URLs whether they went out as URLs or folded into directories.
/// Accepted URLs are reported even when a later batch failed or the build was cancelled, so the manifest records them
/// and the next run sends only what is still owed.
/// </summary>
internal sealed record SubmissionResult
{
    /// <summary>Every batch in order, sent or not.</summary>
    public required IReadOnlyList<BatchOutcome> Batches { get; init; }

    /// <summary>The submission stopped because the caller's cancellation token fired.</summary>
    public bool Cancelled { get; init; }

    /// <summary>When directories were sent instead of URLs: the URLs each directory covers. Null when URLs were sent.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? CoveredUrls { get; init; }

    public RefreshTarget Target => CoveredUrls is null ? RefreshTarget.Urls : RefreshTarget.Directories;

    public int TotalBatches => Batches.Count;

    /// <summary>The batches the API accepted, in order.</summary>
    public IEnumerable<BatchOutcome> AcceptedBatches => Batches.Where(b => b.Succeeded);

    /// <summary>URLs the API took, in submission order.</summary>
    public IReadOnlyList<string> AcceptedUrls => UrlsOfAll(AcceptedBatches.SelectMany(b => b.AcceptedEntries));

    /// <summary>URLs still owed: those of the failed, interrupted and unsent batches and those rejected in accepted ones, in submission order.</summary>
    public IReadOnlyList<string> NotAcceptedUrls => UrlsOfAll(Batches.SelectMany(b => b.OwedEntries));

    /// <summary>How many entries (URLs, or directories) the API had taken before the submission stopped (all of them on full success).</summary>
    public int AcceptedCount => AcceptedBatches.Sum(b => b.AcceptedEntries.Count);

    /// <summary>Entries of accepted batches that the API did not take, in submission order.</summary>
    public IReadOnlyList<RejectedEntry> Rejected => AcceptedBatches.SelectMany(b => b.Rejected).ToList();

    /// <summary>The batch that failed for good and stopped the submission; null when none did.</summary>
    public BatchOutcome? FailedBatch => Batches.FirstOrDefault(b => b.Status == BatchStatus.Failed);

    /// <summary>Why <see cref="FailedBatch"/> failed.</summary>
    public ApiFailure? Failure => FailedBatch?.Failure;

    /// <summary>The URLs an entry stands for: itself, or the URLs a directory covers.</summary>
    public IReadOnlyList<string> UrlsOf(string entry) => CoveredUrls is null ? new[] { entry } : CoveredUrls[entry];

    /// <summary>The URLs entries stand for, in order: the entries themselves, or the URLs each directory covers.</summary>
    private List<string> UrlsOfAll(IEnumerable<string> entries) =>
        (CoveredUrls is null ? entries : entries.SelectMany(entry => CoveredUrls[entry])).ToList();
}
