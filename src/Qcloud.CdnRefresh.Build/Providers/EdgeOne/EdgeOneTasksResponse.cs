using System.Globalization;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V3;

namespace Qcloud.CdnRefresh.Build.Providers.EdgeOne;

/// <summary>One page of <c>DescribePurgeTasks</c>: its <c>Tasks</c> and the <c>TotalCount</c> of all pages.</summary>
internal sealed record EdgeOneTasksResponse : V3Response
{
    public IReadOnlyList<PurgeTask>? Tasks { get; init; }

    public long? TotalCount { get; init; }

    public override bool IsComplete() =>
        Tasks is null ? TotalCount is null or 0 : Tasks.All(task => task.Target is not null);

    /// <summary>
    /// One target of a job. <c>Status</c>: <c>processing</c>, <c>success</c>, or what Tencent gave up with:
    /// <c>failed</c>, <c>timeout</c>, <c>canceled</c>. <c>CreateTime</c> is ISO 8601.
    /// </summary>
    internal sealed record PurgeTask(string? JobId, string? Target, string? Status, string? CreateTime, string? FailType, string? FailMessage)
    {
        public UrlRefreshStatus ToStatus() => new(
            Target!,
            Status switch
            {
                "success" => RefreshStatus.Done,
                "processing" => RefreshStatus.Running,
                "failed" or "timeout" or "canceled" => RefreshStatus.Failed,
                _ => RefreshStatus.Unknown,
            },
            JobId,
            FailType is null ? Status : Status + " (" + FailType + ")",
            DateTimeOffset.TryParse(CreateTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) ? created : null);
    }
}
