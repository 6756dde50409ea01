using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>Asks a Tencent Cloud CDN API how far submitted refreshes have got.</summary>
internal interface IRefreshStatusClient
{
    /// <summary>
    /// One status per URL or directory of <paramref name="batches"/>, in their order; an entry the API does not report
    /// is <see cref="RefreshStatus.Unknown"/>. Never throws for an API, HTTP or network failure: the outcome then
    /// carries the failure, with the statuses learnt before it. Throws <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<RefreshStatusOutcome> GetStatusAsync(IReadOnlyList<SubmittedBatch> batches, CancellationToken cancellationToken);
}
