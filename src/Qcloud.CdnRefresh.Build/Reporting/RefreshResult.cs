using Qcloud.CdnRefresh.Build.Manifest;

namespace Qcloud.CdnRefresh.Build.Reporting;

/// <summary>What one run did: the numbers of the summary line, the report and the step summary.</summary>
internal sealed record RefreshResult
{
    public bool DryRun { get; init; }

    public required string Action { get; init; }

    public required Uri Endpoint { get; init; }

    public bool HadBaseline { get; init; }

    public int FilesListed { get; init; }

    public int FilesHashed { get; init; }

    public int FilesReused { get; init; }

    public int Modified { get; init; }

    public int Deleted { get; init; }

    public int Added { get; init; }

    /// <summary>URLs owed by earlier runs that this run sent again.</summary>
    public int Owed { get; init; }

    /// <summary>Changed or deleted files not refreshed because the web SDK serves them as immutable.</summary>
    public int ImmutableLeftAlone { get; init; }

    public IReadOnlyList<string> PlannedUrls { get; init; } = Array.Empty<string>();

    /// <summary>The planned URLs under each base URL, in the user's order.</summary>
    public IReadOnlyList<PlannedBaseUrl> BaseUrls { get; init; } = Array.Empty<PlannedBaseUrl>();

    public int BatchSize { get; init; }

    public int Batches { get; init; }

    public int BatchesAccepted { get; init; }

    public IReadOnlyList<RefreshedUrl> AcceptedUrls { get; init; } = Array.Empty<RefreshedUrl>();

    /// <summary>URLs still owed after this run (failed or unsent batches): the next run sends them.</summary>
    public IReadOnlyList<string> PendingUrls { get; init; } = Array.Empty<string>();

    /// <summary>The QCDN code and message of the API failure that stopped the run, if any.</summary>
    public string? FailureCode { get; init; }

    public string? FailureMessage { get; init; }

    public bool ManifestWritten { get; init; }

    /// <summary>Directory refreshes sent instead of URLs (<c>CdnRefreshOverQuota=directory</c>); empty otherwise.</summary>
    public IReadOnlyList<string> Directories { get; init; } = Array.Empty<string>();

    /// <summary>URLs Tencent reported as failed while the run waited (<c>CdnRefreshWait</c>); owed to the next run.</summary>
    public IReadOnlyList<string> RefreshFailedUrls { get; init; } = Array.Empty<string>();

    /// <summary>Entries still running when the wait timed out.</summary>
    public IReadOnlyList<string> StillRunning { get; init; } = Array.Empty<string>();

    public TimeSpan Elapsed { get; init; }
}
