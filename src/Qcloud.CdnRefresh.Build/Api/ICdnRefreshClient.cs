using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>Submits one batch of URLs to a Tencent Cloud CDN refresh API, retrying what is safe to retry.</summary>
internal interface ICdnRefreshClient
{
    /// <summary>The API action a batch is sent as, e.g. <c>PurgeUrlsCache</c> or <c>RefreshCdnOverSeaUrl</c>.</summary>
    string Action { get; }

    /// <summary>Where requests go.</summary>
    Uri Endpoint { get; }

    /// <summary>
    /// Sends one batch (at most 1000 URLs), retrying retryable failures with backoff and a fresh signature each time.
    /// Never throws for an API, HTTP or network failure: those come back as a failed <see cref="BatchOutcome"/>.
    /// Throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<BatchOutcome> SubmitAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken);
}
