using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>Submits one batch of directories to a Tencent Cloud CDN refresh API, retrying what is safe to retry.</summary>
internal interface IDirectoryRefreshClient
{
    /// <summary>The API action a directory batch is sent as, e.g. <c>PurgePathCache</c> or <c>RefreshCdnOverSeaDir</c>.</summary>
    string DirectoryAction { get; }

    /// <summary>Where requests go.</summary>
    Uri Endpoint { get; }

    /// <summary>
    /// Sends one batch of directory URLs (each <c>http(s)://host/path/</c>, at most the API's per-request limit, see
    /// <see cref="DirectoryLimits"/>), refreshing what changed in them. Retries, classification and exceptions are
    /// those of <see cref="ICdnRefreshClient.SubmitAsync"/>; quota errors (v2 22045/22046, v3
    /// <c>LimitExceeded.CdnPurgePath*</c>) come back with <see cref="ApiFailureKind.Quota"/>.
    /// </summary>
    Task<BatchOutcome> SubmitDirectoriesAsync(IReadOnlyList<string> directories, CancellationToken cancellationToken);
}
