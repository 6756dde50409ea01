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
    private static readonly string[] DefaultPatterns =
    {
        "web.config",
        "*.pdb",
        "appsettings*.json",
        "/" + PublishedManifestFileName,
    };

    private readonly List<Regex> _globs = new();
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
        foreach (var pattern in DefaultPatterns.Concat(userPatterns ?? Array.Empty<string>()))
        {
            if (GlobPattern.ToRegex(pattern, caseInsensitive) is { } glob)
            {
                _globs.Add(glob);
            }
        }
    }

    /// <summary>Whether the file at <paramref name="relativePath"/> (<c>/</c>-separated) matches an exclusion.</summary>
    public bool IsExcluded(string relativePath)
    {
        if (_excludedRelativePath != null && string.Equals(relativePath, _excludedRelativePath, _comparison))
        {
            return true;
        }

        foreach (var glob in _globs)
        {
            if (glob.IsMatch(relativePath))
            {
                return true;
            }
        }

        return false;
    }
}
