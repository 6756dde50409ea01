using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// Decides which files of the content root are never refreshed: the built-in exclusions plus the user's
/// <c>CdnRefreshExclude</c> globs (see <see cref="GlobPattern"/> for their syntax).
/// </summary>
internal sealed class ExclusionRules
{
    public const string PublishedManifestFileName = "cdn-refresh-manifest.json";

    /// <summary>
    /// Files the server never serves as content (<c>web.config</c>, symbols, settings that may hold secrets) and the
    /// manifest this package publishes next to the site, which changes on every run.
    /// </summary>
    public static IReadOnlyList<string> DefaultPatterns { get; } = new[]
    {
        "web.config",
        "*.pdb",
        "appsettings*.json",
        "/" + PublishedManifestFileName,
    };

    // Case-insensitive: one alternation per kind, so 50,000 files are matched against many globs at one regex call each.
    private readonly Regex? _fileNameRegex;
    private readonly Regex? _pathRegex;

    // Case-sensitive (Linux, macOS): the globs matched directly, with no regular expression engine to start.
    private readonly GlobMatcher[] _fileNameGlobs = Array.Empty<GlobMatcher>();
    private readonly GlobMatcher[] _pathGlobs = Array.Empty<GlobMatcher>();
    private readonly string? _excludedRelativePath;
    private readonly StringComparison _comparison;

    /// <param name="userPatterns">The <c>CdnRefreshExclude</c> globs, relative to the content root.</param>
    /// <param name="excludedRelativePath">One more file to skip, e.g. the local manifest when it lives in the content root.</param>
    /// <param name="ignoreCase">Whether names differ by case only; defaults to the operating system's convention.</param>
    public ExclusionRules(IEnumerable<string>? userPatterns, string? excludedRelativePath = null, bool? ignoreCase = null)
    {
        var caseInsensitive = ignoreCase ?? FileNameCase.IgnoredByDefault;
        _comparison = FileNameCase.Comparison(caseInsensitive);
        _excludedRelativePath = excludedRelativePath;

        var globs = new List<GlobPattern>();
        foreach (var pattern in DefaultPatterns.Concat(userPatterns ?? Array.Empty<string>()))
        {
            if (GlobPattern.Parse(pattern) is { } glob)
            {
                globs.Add(glob);
            }
        }

        if (caseInsensitive)
        {
            _fileNameRegex = Combine(globs.Where(glob => glob.MatchesFileNameOnly), caseInsensitive);
            _pathRegex = Combine(globs.Where(glob => !glob.MatchesFileNameOnly), caseInsensitive);
        }
        else
        {
            _fileNameGlobs = globs.Where(glob => glob.MatchesFileNameOnly).Select(glob => new GlobMatcher(glob)).ToArray();
            _pathGlobs = globs.Where(glob => !glob.MatchesFileNameOnly).Select(glob => new GlobMatcher(glob)).ToArray();
        }
    }

    /// <summary>Whether the file at <paramref name="relativePath"/> (<c>/</c>-separated) matches an exclusion.</summary>
    public bool IsExcluded(string relativePath)
    {
        if (_excludedRelativePath != null && string.Equals(relativePath, _excludedRelativePath, _comparison))
        {
            return true;
        }

        if ((_pathRegex != null && _pathRegex.IsMatch(relativePath)) || AnyMatches(_pathGlobs, relativePath.AsSpan()))
        {
            return true;
        }

        if (AnyMatches(_fileNameGlobs, relativePath.AsSpan(relativePath.LastIndexOf('/') + 1)))
        {
            return true;
        }

        if (_fileNameRegex == null)
        {
            return false;
        }

#if NETFRAMEWORK
        return _fileNameRegex.IsMatch(relativePath.Substring(relativePath.LastIndexOf('/') + 1));
#else
        // Matched in place: no string per listed file for its name.
        return _fileNameRegex.IsMatch(relativePath.AsSpan(relativePath.LastIndexOf('/') + 1));
#endif
    }

    private static bool AnyMatches(GlobMatcher[] globs, ReadOnlySpan<char> text)
    {
        foreach (var glob in globs)
        {
            if (glob.IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    private static Regex? Combine(IEnumerable<GlobPattern> globs, bool ignoreCase)
    {
        var bodies = globs.Select(glob => "(?:" + glob.RegexBody + ")").ToList();
        return bodies.Count == 0
            ? null
            : new Regex("^(?:" + string.Join("|", bodies) + ")$", GlobPattern.RegexOptionsFor(ignoreCase));
    }
}
