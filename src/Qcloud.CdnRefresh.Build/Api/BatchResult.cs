using System.Collections.Generic;
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

    /// <summary>"2 of 5".</summary>
    public string Label => Number.ToString(CultureInfo.InvariantCulture) + " of " + TotalBatches.ToString(CultureInfo.InvariantCulture);
}
