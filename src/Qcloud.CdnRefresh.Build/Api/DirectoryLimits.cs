using System;
using System.Collections.Generic;
using System.Globalization;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>How many directories a refresh may carry (reference/tencent-cdn-api.md §2 and §3.2).</summary>
internal static class DirectoryLimits
{
    /// <summary>v2 <c>RefreshCdnOverSeaDir</c> and <c>RefreshCdnDir</c>: at most 20 directories a request.</summary>
    public const int MaxPerRequestV2 = 20;

    /// <summary>v2: at most 100 directories a day per area.</summary>
    public const int MaxPerDayV2 = 100;

    /// <summary>v3 per-request limit when <c>DescribePurgeQuota</c> does not report <c>PathPurge.Batch</c>.</summary>
    public const int DefaultPerRequestV3 = 20;

    /// <summary>
    /// The largest v3 batch the client sends. The real limit is <c>PathPurge.Batch</c>, which the server enforces
    /// (as <c>LimitExceeded.CdnPurgePathExceedBatchLimit</c>); this only catches a caller that lost count.
    /// </summary>
    public const int MaxPerRequestV3 = BatchLimits.MaxUrlsPerRequest;

    /// <summary>The v3 per-request limit of <paramref name="area"/>: <c>PathPurge.Batch</c> when reported, else 20.</summary>
    public static int PerRequestV3(PurgeQuotaOutcome? quota, string area) => PerRequestV3(quota?.PathQuotaFor(area));

    /// <summary>
    /// The v3 per-request limit from an area's path quota: its <c>Batch</c> when reported, capped at what the client
    /// sends a request so that a larger reported Batch cannot make a batch invalid; else 20.
    /// </summary>
    public static int PerRequestV3(PurgeQuota? pathQuota) =>
        pathQuota?.Batch is long batch and > 0 ? (int)Math.Min(batch, MaxPerRequestV3) : DefaultPerRequestV3;

    /// <summary>
    /// Rejects a batch that is empty, larger than <paramref name="maxPerRequest"/>, or holds an entry that is not a
    /// directory (<c>http(s)://host/path/</c>, ending with <c>/</c>): a path without the slash would purge every
    /// path that merely starts with it.
    /// </summary>
    public static void Check(IReadOnlyList<string> directories, int maxPerRequest)
    {
        if (directories is null)
        {
            throw new ArgumentNullException(nameof(directories));
        }

        if (directories.Count == 0 || directories.Count > maxPerRequest)
        {
            throw new ArgumentOutOfRangeException(
                nameof(directories),
                directories.Count,
                "A directory batch holds 1 to " + maxPerRequest.ToString(CultureInfo.InvariantCulture) + " directories.");
        }

        foreach (var directory in directories)
        {
            if (!IsDirectoryUrl(directory))
            {
                throw new ArgumentException("'" + directory + "' is not an http(s) directory URL ending with '/'.", nameof(directories));
            }
        }
    }

    private static bool IsDirectoryUrl(string? directory) =>
        directory is not null
        && directory.EndsWith("/", StringComparison.Ordinal)
        && Uri.TryCreate(directory, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
