using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// Lists the files of the content root that may need a refresh: every file, recursively, minus the exclusions, each
/// with the relative path whose URL it stands for.
/// </summary>
/// <remarks>
/// Size and last write time come from the enumeration itself, so listing 50,000 files costs no extra stat per file
/// (symbolic links excepted: for them the target's size and time count, or a changed target would look unchanged).
/// Symbolic links and junctions are followed when they resolve inside the content root, and are an error when they
/// lead out of it: the site would then depend on files this package does not track. A folder link back to one of
/// its own ancestors is skipped, since following it would list the same files under ever longer paths.
/// </remarks>
internal sealed class ContentFileLister
{
    private static readonly string[] PrecompressedExtensions = { ".br", ".gz" };

    private readonly IEnumerable<string>? _excludePatterns;
    private readonly string? _excludedFullPath;
    private readonly bool _ignoreCase;

    /// <param name="excludePatterns">The <c>CdnRefreshExclude</c> globs, relative to the content root (see <see cref="GlobPattern"/>).</param>
    /// <param name="excludedFullPath">One more file never to list, by absolute path: the local manifest, when it lives in the content root.</param>
    /// <param name="ignoreCase">Whether names differ by case only (globs, siblings); defaults to the operating system's convention.</param>
    public ContentFileLister(IEnumerable<string>? excludePatterns = null, string? excludedFullPath = null, bool? ignoreCase = null)
    {
        _excludePatterns = excludePatterns;
        _excludedFullPath = excludedFullPath;
        _ignoreCase = ignoreCase ?? FileNameCase.IgnoredByDefault;
    }

    /// <summary>The listed files, sorted ordinally by relative path.</summary>
    public IReadOnlyList<ListedFile> List(string contentRoot, CancellationToken cancellationToken = default)
    {
        var rootFullPath = Path.GetFullPath(contentRoot).TrimEnd(Path.DirectorySeparatorChar);
        if (rootFullPath.Length == 0 || rootFullPath.EndsWith(Path.VolumeSeparatorChar.ToString(), StringComparison.Ordinal))
        {
            rootFullPath += Path.DirectorySeparatorChar;
        }

        if (!Directory.Exists(rootFullPath))
        {
            throw new CdnRefreshException(
                DiagnosticCodes.ContentRootMissing,
                $"The content root '{rootFullPath}' does not exist. Check CdnRefreshContentRoot and PublishDir.");
        }

        var rootFolder = new DirectoryInfo(rootFullPath);
        var walk = new DirectoryWalk(RealPath.Resolve(rootFullPath) ?? rootFullPath, rootFolder, _ignoreCase, cancellationToken);
        walk.Visit(rootFolder, relativePrefix: string.Empty, walk.RootRealPath);

        var rules = new ExclusionRules(_excludePatterns, RelativePathBelow(rootFullPath, _excludedFullPath), _ignoreCase);

        // Sorted first, so that what is kept comes out sorted and, where case matters, a source is found by binary search
        // in the same list instead of in a set of every path.
        var found = walk.Found;
        found.Sort((left, right) => string.CompareOrdinal(left.RelativePath, right.RelativePath));
        HashSet<string>? existingIgnoringCase = null;
        if (_ignoreCase)
        {
            existingIgnoringCase = new HashSet<string>(FileNameCase.Comparer(ignoreCase: true));
            foreach (var file in found)
            {
                existingIgnoringCase.Add(file.RelativePath);
            }
        }

        var listedPaths = new KnownPaths(found.Count, index => found[index].RelativePath);
        var listed = new List<ListedFile>(found.Count);
        foreach (var file in found)
        {
            var urlPath = file.RelativePath;
            var excluded = rules.IsExcluded(urlPath);

            // A sibling whose source is excluded is excluded too: it would refresh the source's URL.
            while (!excluded && TryGetPrecompressedSource(urlPath, listedPaths, existingIgnoringCase, out var source))
            {
                urlPath = source;
                excluded = rules.IsExcluded(source);
            }

            if (!excluded)
            {
                // Checked before hashing: such a name cannot even be opened again by the name .NET reports.
                UrlMapper.ThrowIfNotEncodable(file.RelativePath);
                listed.Add(ReferenceEquals(urlPath, file.RelativePath) ? file : file with { UrlPath = urlPath });
            }
        }

        return listed;
    }

    /// <param name="relativePath">A file's path.</param>
    /// <param name="listedPaths">Every file's path, sorted ordinally.</param>
    /// <param name="existingIgnoringCase">Every path, when names differ by more than case only; else null.</param>
    /// <param name="source">The path of the file <paramref name="relativePath"/> is a precompressed sibling of.</param>
    private bool TryGetPrecompressedSource(string relativePath, KnownPaths listedPaths, HashSet<string>? existingIgnoringCase, out string source)
    {
        foreach (var extension in PrecompressedExtensions)
        {
            if (relativePath.Length > extension.Length && relativePath.EndsWith(extension, FileNameCase.Comparison(_ignoreCase)))
            {
                var candidate = relativePath.AsSpan(0, relativePath.Length - extension.Length);
                if (candidate[candidate.Length - 1] == '/')
                {
                    continue;
                }

                // The spelling on disk, which is what the URL must carry.
                var actual = existingIgnoringCase is null
                    ? listedPaths.Find(candidate)
                    : existingIgnoringCase.TryGetValue(candidate.ToString(), out var spelled) ? spelled : null;
                if (actual is not null)
                {
                    source = actual;
                    return true;
                }
            }
        }

        source = string.Empty;
        return false;
    }

    private string? RelativePathBelow(string rootFullPath, string? fullPath)
    {
        if (string.IsNullOrEmpty(fullPath))
        {
            return null;
        }

        var candidate = Path.GetFullPath(fullPath);
        var prefix = rootFullPath.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            ? rootFullPath
            : rootFullPath + Path.DirectorySeparatorChar;
        return candidate.Length > prefix.Length && candidate.StartsWith(prefix, FileNameCase.Comparison(_ignoreCase))
            ? candidate.Substring(prefix.Length).Replace(Path.DirectorySeparatorChar, '/')
            : null;
    }
}
