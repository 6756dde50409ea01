using System.Globalization;
using System.Text;

namespace Qcloud.CdnRefresh.Build.Mapping;

/// <summary>
/// Percent-encodes path segments the way a browser requests them, so a refreshed URL is byte for byte the key the CDN
/// cached: the unreserved characters, the sub-delimiters, <c>:</c> and <c>@</c> stay; everything else (controls,
/// space, <c>" # % &lt; &gt; ? [ \ ] ^ ` { | }</c>, non-ASCII as UTF-8) becomes <c>%XX</c> with uppercase hex.
/// </summary>
internal static class UrlPathEncoder
{
    // Unreserved punctuation and sub-delimiters (RFC 3986) plus ':' and '@', which a path segment may carry unescaped.
    private const string KeptPunctuation = "-._~!$&'()*+,;=:@";

    /// <summary>
    /// Whether every character of <paramref name="text"/> has a UTF-8 form that is the file's real name: false for a
    /// lone surrogate, and for U+FFFD, which is how .NET reads file-name bytes that are not UTF-8.
    /// </summary>
    public static bool IsEncodable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]) || text[i] == '\uFFFD')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Appends <paramref name="segment"/> encoded; false when it is not <see cref="IsEncodable"/>.</summary>
    public static bool TryAppendSegment(StringBuilder url, string segment)
    {
        if (!IsEncodable(segment))
        {
            return false;
        }

        foreach (var b in Encoding.UTF8.GetBytes(segment))
        {
            var c = (char)b;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || KeptPunctuation.IndexOf(c) >= 0)
            {
                url.Append(c);
            }
            else
            {
                url.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return true;
    }
}
