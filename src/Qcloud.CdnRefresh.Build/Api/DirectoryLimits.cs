using System;
using System.Collections.Generic;
using System.Globalization;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>The shape every directory batch must have, whatever the API.</summary>
internal static class DirectoryLimits
{
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
