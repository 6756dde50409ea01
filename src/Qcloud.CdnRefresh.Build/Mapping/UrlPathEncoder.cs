using System.Text;

namespace Qcloud.CdnRefresh.Build.Mapping;

/// <summary>
/// Percent-encodes path segments the way a browser requests them, so a refreshed URL is byte for byte the key the CDN
/// cached: the unreserved characters, the sub-delimiters, <c>:</c> and <c>@</c> stay; everything else (controls,
/// space, <c>" # % &lt; &gt; ? [ \ ] ^ ` { | }</c>, non-ASCII as UTF-8) becomes <c>%XX</c> with uppercase hex.
/// </summary>
internal static class UrlPathEncoder
{
    private const string UpperHexDigits = "0123456789ABCDEF";

    // Sub-delimiters (RFC 3986) plus ':' and '@', which a path segment may carry unescaped.
    private const string KeptPunctuation = "-._~!$&'()*+,;=:@";

    /// <summary>Whether every character of <paramref name="text"/> has a UTF-8 form that is the file's real name.</summary>
    public static bool IsEncodable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\uFFFD' || char.IsLowSurrogate(c) || (char.IsHighSurrogate(c) && (i + 1 == text.Length || !char.IsLowSurrogate(text[++i]))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Appends <paramref name="segment"/> encoded; false when it holds a character without a UTF-8 form (see IsEncodable).</summary>
    public static bool TryAppendSegment(StringBuilder url, string segment)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (c < 0x80)
            {
                if (IsKept(c))
                {
                    url.Append(c);
                }
                else
                {
                    AppendEscaped(url, c);
                }
            }
            else if (c < 0x800)
            {
                AppendEscaped(url, 0xC0 | (c >> 6));
                AppendEscaped(url, 0x80 | (c & 0x3F));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < segment.Length && char.IsLowSurrogate(segment[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, segment[i + 1]);
                i++;
                AppendEscaped(url, 0xF0 | (codePoint >> 18));
                AppendEscaped(url, 0x80 | ((codePoint >> 12) & 0x3F));
                AppendEscaped(url, 0x80 | ((codePoint >> 6) & 0x3F));
                AppendEscaped(url, 0x80 | (codePoint & 0x3F));
            }
            else if (char.IsSurrogate(c) || c == '\uFFFD')
            {
                // U+FFFD is how .NET reads file-name bytes that are not UTF-8: the real name's URL cannot be known.
                return false;
            }
            else
            {
                AppendEscaped(url, 0xE0 | (c >> 12));
                AppendEscaped(url, 0x80 | ((c >> 6) & 0x3F));
                AppendEscaped(url, 0x80 | (c & 0x3F));
            }
        }

        return true;
    }

    /// <summary>Whether an ASCII character stays as it is in a path segment.</summary>
    public static bool IsKept(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || KeptPunctuation.IndexOf(c) >= 0;

    private static void AppendEscaped(StringBuilder url, int value)
    {
        url.Append('%').Append(UpperHexDigits[(value >> 4) & 0xF]).Append(UpperHexDigits[value & 0xF]);
    }
}
