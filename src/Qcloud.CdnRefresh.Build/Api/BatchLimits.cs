using System.Globalization;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>The batches no API accepts, rejected before anything is sent; the task validates user input before it gets here.</summary>
internal static class BatchLimits
{
    public const int MaxUrlsPerRequest = 1000;

    /// <summary>
    /// Rejects a batch that is empty or over its limit (<see cref="MaxUrlsPerRequest"/> URLs or
    /// <paramref name="maxDirectories"/> directories), and a directory that is not <c>http(s)://host/path/</c> ending
    /// with <c>/</c>: without the slash it would purge every path that merely starts with it.
    /// </summary>
    public static void Check(RefreshTarget target, IReadOnlyList<string> entries, int maxDirectories)
    {
        var (max, what) = target == RefreshTarget.Directories ? (maxDirectories, "directories") : (MaxUrlsPerRequest, "URLs");
        if (entries.Count == 0 || entries.Count > max)
        {
            throw new ArgumentOutOfRangeException(
                nameof(entries), entries.Count, "A batch holds 1 to " + max.ToString(CultureInfo.InvariantCulture) + " " + what + ".");
        }

        if (target == RefreshTarget.Directories && entries.FirstOrDefault(entry => !IsDirectoryUrl(entry)) is { } notDirectory)
        {
            throw new ArgumentException("'" + notDirectory + "' is not an http(s) directory URL ending with '/'.", nameof(entries));
        }
    }

    private static bool IsDirectoryUrl(string directory) =>
        directory.EndsWith("/", StringComparison.Ordinal)
        && Uri.TryCreate(directory, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
