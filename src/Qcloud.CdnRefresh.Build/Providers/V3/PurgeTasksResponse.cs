using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>One page of <c>DescribePurgeTasks</c>: its <c>PurgeLogs</c> and the <c>TotalCount</c> of all pages.</summary>
internal sealed record PurgeTasksResponse : V3Response
{
    /// <summary>Null in some answers with nothing to list; then only a <c>TotalCount</c> of 0 (or none) makes the page empty.</summary>
    public IReadOnlyList<PurgeLog>? PurgeLogs { get; init; }

    /// <summary>Null when the answer leaves it out: then what came is all there is.</summary>
    public long? TotalCount { get; init; }

    public override bool IsComplete() =>
        PurgeLogs is null ? TotalCount is null or 0 : PurgeLogs.All(log => log.Url is not null);

    /// <summary>One URL or directory of the task; <c>CreateTime</c> is Beijing time.</summary>
    internal sealed record PurgeLog(string? TaskId, string? Url, string? Status, string? CreateTime)
    {
        public UrlRefreshStatus ToStatus() => new(
            Url!,
            Status switch
            {
                "done" => RefreshStatus.Done,
                "process" => RefreshStatus.Running,
                "fail" => RefreshStatus.Failed,
                _ => RefreshStatus.Unknown,
            },
            TaskId,
            Status,
            BeijingTime.Parse(CreateTime));
    }
}
