using System.Collections.Generic;

using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>One page of <c>DescribePurgeTasks</c>: its <c>PurgeLogs</c> and the <c>TotalCount</c> of all pages.</summary>
internal sealed record PurgeTasksPage
{
    public required IReadOnlyList<UrlRefreshStatus> Entries { get; init; }

    public required long TotalCount { get; init; }
}
