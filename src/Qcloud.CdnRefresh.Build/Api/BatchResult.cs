using System.Globalization;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>One batch of a submission: its URLs and what became of them.</summary>
internal sealed record BatchResult
{
    /// <summary>1-based position in the submission, as users count.</summary>
    public required int Number { get; init; }

    public required int TotalBatches { get; init; }

    public required IReadOnlyList<string> Urls { get; init; }

    public required BatchStatus Status { get; init; }

    /// <summary>The API's answer; null when the batch was not sent or was interrupted.</summary>
    public BatchOutcome? Outcome { get; init; }

    /// <summary>
    /// The entries the API took: those of an accepted batch but the ones it rejected; none otherwise. A rejected entry
    /// is matched percent-decoded too, since an API may name a target decoded that was sent encoded.
    /// </summary>
    public IReadOnlyList<string> AcceptedEntries => Status != BatchStatus.Accepted
        ? Array.Empty<string>()
        : Outcome?.Rejected is not { Count: > 0 } rejected
            ? Urls
            : Urls.Where(url => !rejected.Any(r => r.Entry == url || Uri.UnescapeDataString(r.Entry) == Uri.UnescapeDataString(url))).ToList();

    /// <summary>The entries still owed: all of a batch that was not accepted, the rejected ones of one that was.</summary>
    public IReadOnlyList<string> OwedEntries => Status != BatchStatus.Accepted
        ? Urls
        : Urls.Except(AcceptedEntries, StringComparer.Ordinal).ToList();

    /// <summary>"2 of 5".</summary>
    public string Label => Number.ToString(CultureInfo.InvariantCulture) + " of " + TotalBatches.ToString(CultureInfo.InvariantCulture);
}
