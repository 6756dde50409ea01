using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Qcloud.CdnRefresh.Build.Diagnostics;

namespace Qcloud.CdnRefresh.Build.Mapping;

/// <summary>Turns paths relative to the content root into the URLs under <see cref="BaseUrl"/> that serve them.</summary>
/// <param name="baseUrl">Where the content root is served.</param>
/// <param name="directoryIndex">
/// The <c>CdnRefreshDirectoryIndex</c> file name (e.g. <see cref="DefaultDirectoryIndex"/>): a file of that name also
/// maps to its folder's URL. Null or empty turns this off. Matched case-sensitively, like the URL the server serves.
/// </param>
internal sealed class UrlMapper(BaseUrl baseUrl, string? directoryIndex = UrlMapper.DefaultDirectoryIndex)
{
    public const string DefaultDirectoryIndex = "index.html";

    // A high surrogate without its low one, a low one without its high one, a control character. A pattern, not a
    // Regex field: it serves error messages only, and a field would build it in every run.
    private const string Unprintable = @"[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\p{Cc}";

    private readonly string? _directoryIndex = directoryIndex?.Trim() switch
    {
        null or "" => null,
        var index when index.IndexOf('/') < 0 && index.IndexOf('\\') < 0 => index,
        _ => throw new CdnRefreshException(
            DiagnosticCodes.InvalidOption,
            $"CdnRefreshDirectoryIndex '{directoryIndex}' must be a file name such as index.html, without a folder; leave it empty to turn folder URLs off."),
    };

    /// <summary>The URLs of one file: its own, and for a directory index its folder's too (<c>…/docs/</c>, or the base URL).</summary>
    /// <param name="relativePath"><c>/</c>-separated path from the content root (a <c>\</c> is part of a name).</param>
    public IReadOnlyList<string> Map(string relativePath)
    {
        var url = new StringBuilder(baseUrl.Value);
        var segments = relativePath.Split('/');
        foreach (var segment in segments)
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                throw NotUrl(relativePath, "it has an empty, '.' or '..' path segment");
            }

            if (!UrlPathEncoder.TryAppendSegment(url, segment))
            {
                throw NotEncodable(relativePath);
            }

            url.Append('/');
        }

        // The encoded file name holds no '/', so the folder's URL ends at the last one.
        var fileUrl = url.ToString(0, url.Length - 1);
        return segments[segments.Length - 1] == _directoryIndex
            ? new[] { fileUrl, fileUrl.Substring(0, fileUrl.LastIndexOf('/') + 1) }
            : new[] { fileUrl };
    }

    /// <summary>The URLs of all <paramref name="relativePaths"/>, without duplicates, sorted ordinally.</summary>
    public IReadOnlyList<string> MapAll(IEnumerable<string> relativePaths) =>
        relativePaths.SelectMany(Map).Distinct().OrderBy(url => url, StringComparer.Ordinal).ToList();

    /// <summary>Throws the <see cref="DiagnosticCodes.FileNameNotUrl"/> error when a path has no URL form.</summary>
    public static void ThrowIfNotEncodable(string relativePath)
    {
        if (!UrlPathEncoder.IsEncodable(relativePath))
        {
            throw NotEncodable(relativePath);
        }
    }

    private static CdnRefreshException NotEncodable(string relativePath) =>
        NotUrl(relativePath, "its name is not valid Unicode (bytes that are not UTF-8, read as U+FFFD, or a lone UTF-16 surrogate), so the URL the CDN cached for it cannot be known; this usually comes from a file name mangled by an archive tool");

    private static CdnRefreshException NotUrl(string relativePath, string reason) =>
        new(
            DiagnosticCodes.FileNameNotUrl,
            $"'{Printable(relativePath)}' in the content root cannot be turned into a URL: {reason}. Rename the file, or exclude it with a CdnRefreshExclude item.");

    // A lone surrogate would garble the build log; show it (and controls) as its code instead.
    private static string Printable(string text) =>
        Regex.Replace(text, Unprintable, match => "\\u" + ((int)match.Value[0]).ToString("X4", CultureInfo.InvariantCulture), RegexOptions.CultureInvariant);
}
