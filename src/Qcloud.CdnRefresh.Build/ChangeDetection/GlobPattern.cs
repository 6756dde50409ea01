using System;
using System.Text;
using System.Text.RegularExpressions;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// Turns one <c>CdnRefreshExclude</c> glob into a regular expression over paths relative to the content root
/// (<c>/</c>-separated).
/// </summary>
/// <remarks>
/// Semantics (close to .gitignore, so users can guess them):
/// <list type="bullet">
/// <item><c>\</c> is read as <c>/</c>, so Windows-style patterns work everywhere; a leading <c>./</c> is dropped.</item>
/// <item>A pattern without <c>/</c> matches the file name in any folder (<c>*.map</c>, <c>web.config</c>).</item>
/// <item>A pattern with a <c>/</c> matches the whole relative path from the content root (<c>docs/*.pdf</c>); a
/// leading <c>/</c> only anchors it (<c>/robots.txt</c> is the root file alone).</item>
/// <item><c>*</c> matches any characters except <c>/</c>, <c>?</c> one character except <c>/</c>; neither treats a
/// leading dot specially.</item>
/// <item><c>**</c> as a whole segment matches zero or more folders (<c>**/drafts/*</c>, <c>a/**/b.txt</c>); a trailing
/// <c>/**</c> or <c>/</c> matches everything below the folder. <c>**</c> inside a segment acts like <c>*</c>.</item>
/// <item>Patterns match files, never folders: <c>drafts</c> excludes files named drafts, <c>drafts/</c> the folder's content.</item>
/// <item>Everything else, including <c>[</c> and <c>{</c>, is literal.</item>
/// </list>
/// </remarks>
internal static class GlobPattern
{
    /// <summary>The glob as one regular expression, or null when it is blank (or only <c>/</c>).</summary>
    /// <param name="pattern">The glob as written.</param>
    /// <param name="ignoreCase">Whether letters match in either case (see <see cref="FileNameCase"/>).</param>
    public static Regex? ToRegex(string pattern, bool ignoreCase)
    {
        var normalized = pattern.Trim().Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized.Substring(2);
        }

        var anchored = normalized.IndexOf('/') >= 0;
        normalized = normalized.TrimStart('/');
        if (normalized.EndsWith("/", StringComparison.Ordinal))
        {
            normalized += "**";
        }

        if (normalized.Length == 0)
        {
            return null;
        }

        // A file-name pattern starts at the path's start or right after a '/'; no part of it but a lone '**' can match a
        // '/', so it matches exactly what follows the last one.
        var start = anchored ? "^" : "(?:^|/)";
        var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        return new Regex(start + "(?:" + Translate(normalized) + ")$", options);
    }

    private static string Translate(string glob)
    {
        var regex = new StringBuilder(glob.Length * 2);
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var startsSegment = i == 0 || glob[i - 1] == '/';
                var endsPattern = i + 2 == glob.Length;
                var endsSegment = endsPattern || glob[i + 2] == '/';
                if (startsSegment && endsPattern)
                {
                    regex.Append(".*");
                }
                else if (startsSegment && endsSegment)
                {
                    regex.Append("(?:.*/)?");
                    i++; // the '/' after '**' is part of the optional group
                }
                else
                {
                    regex.Append("[^/]*");
                }

                i++;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.ToString();
    }
}
