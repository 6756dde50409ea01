using System.Text.RegularExpressions;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// Decides which files of the content root are never refreshed: the built-in exclusions plus the user's
/// <c>CdnRefreshExclude</c> globs, each translated into one regular expression over the <c>/</c>-separated path
/// relative to the content root.
/// </summary>
/// <remarks>
/// Glob semantics (close to .gitignore, so users can guess them):
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
/// <item>Letters match in either case where file names do (see <see cref="FileNameCase"/>).</item>
/// </list>
/// </remarks>
internal sealed class ExclusionRules
{
    public const string PublishedManifestFileName = "cdn-refresh-manifest.json";

    /// <summary>
    /// Files the server never serves as content (<c>web.config</c>, symbols, settings that may hold secrets) and the
    /// manifest this package publishes next to the site, which changes on every run.
    /// </summary>
    private static readonly string[] DefaultPatterns = { "web.config", "*.pdb", "appsettings*.json", "/" + PublishedManifestFileName };

    // In an escaped glob: a whole-segment '**' with the '/' or end after it, else '**' or '*', else '?'.
    private static readonly Regex Wildcards = new(@"(?<=^|/)\\\*\\\*(/|$)|\\\*(?:\\\*)?|\\\?", RegexOptions.CultureInvariant);

    private readonly HashSet<string> _excludedRelativePaths;

    // All path globs as one expression, and all name globs as another: one match per file and kind.
    private readonly Regex? _pathGlobs;
    private readonly Regex? _nameGlobs;

    /// <param name="userPatterns">The <c>CdnRefreshExclude</c> globs.</param>
    /// <param name="excludedRelativePaths">More files to skip, e.g. the local manifest and its lock when they live in the content root.</param>
    /// <param name="ignoreCase">Whether names differ by case only; defaults to the operating system's convention.</param>
    public ExclusionRules(IEnumerable<string>? userPatterns, IEnumerable<string>? excludedRelativePaths = null, bool? ignoreCase = null)
    {
        var caseInsensitive = ignoreCase ?? FileNameCase.IgnoredByDefault;
        _excludedRelativePaths = new HashSet<string>(excludedRelativePaths ?? [], FileNameCase.Comparer(caseInsensitive));
        // A plain loop: LINQ over the (expression, kind) pairs would be compiled anew in every build.
        var pathGlobs = new List<string>();
        var nameGlobs = new List<string>();
        foreach (var pattern in DefaultPatterns.Concat(userPatterns ?? []))
        {
            if (Translate(pattern) is { Expression.Length: > 0 } glob)
            {
                (glob.MatchesPath ? pathGlobs : nameGlobs).Add(glob.Expression);
            }
        }

        _pathGlobs = Combine(pathGlobs, caseInsensitive);
        _nameGlobs = Combine(nameGlobs, caseInsensitive);
    }

    /// <summary>Whether the file at <paramref name="relativePath"/> (<c>/</c>-separated) matches an exclusion.</summary>
    public bool IsExcluded(string relativePath) =>
        _excludedRelativePaths.Contains(relativePath)
        || _pathGlobs?.IsMatch(relativePath) == true
        || _nameGlobs?.IsMatch(relativePath.Substring(relativePath.LastIndexOf('/') + 1)) == true;

    /// <summary>
    /// The glob as a regular expression over the whole relative path (a pattern with a <c>/</c>) or over the file name
    /// (one without); empty when the pattern is blank (or only <c>/</c>).
    /// </summary>
    private static (string Expression, bool MatchesPath) Translate(string pattern)
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

        // The glob holds no '\' any more, so in its escaped form '\*' and '\?' are always its own wildcards.
        var translated = Wildcards.Replace(Regex.Escape(normalized), match =>
            match.Groups[1].Success ? (match.Groups[1].Value == "/" ? "(?:.*/)?" : ".*")
            : match.Value == @"\?" ? "[^/]"
            : "[^/]*");

        return (translated, anchored);
    }

    /// <summary>One expression matching the whole text when any of <paramref name="expressions"/> does; anchored at the
    /// start, so it is tried at one position only.</summary>
    private static Regex? Combine(List<string> expressions, bool ignoreCase) =>
        expressions.Count == 0
            ? null
            : new Regex(
                "^(?:" + string.Join("|", expressions.Select(expression => "(?:" + expression + ")")) + ")$",
                RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None));
}
