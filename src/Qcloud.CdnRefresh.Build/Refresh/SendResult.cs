using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Quota;
using Qcloud.CdnRefresh.Build.Reporting;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>What was sent and what the API accepted, in URLs, whether they went out as URLs or folded into directories.</summary>
internal sealed record SendResult
{
    public required SubmissionResult Submission { get; init; }

    public required RefreshTarget Target { get; init; }

    /// <summary>The folding, when the run refreshed directories instead of URLs.</summary>
    public DirectoryPlan? Directories { get; init; }

    public required IReadOnlyList<RefreshedUrl> Accepted { get; init; }

    /// <summary>URLs of the failed, interrupted and unsent batches (for directories: the URLs they cover).</summary>
    public required IReadOnlyList<string> NotAccepted { get; init; }

    /// <summary>The action the batches went out as (<c>PurgeUrlsCache</c>, <c>PurgePathCache</c>, …).</summary>
    public required string Action { get; init; }
}
