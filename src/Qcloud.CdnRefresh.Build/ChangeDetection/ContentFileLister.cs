using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// Lists the files of the content root that may need a refresh: every file, recursively, minus the exclusions, each
/// with the relative path whose URL it stands for.
/// </summary>
/// <remarks>
/// Symbolic links and junctions are followed when they resolve inside the content root, and are an error when they
/// lead out of it (see <see cref="ContentRootLinks"/>). An excluded file is never opened or examined.
/// </remarks>
internal sealed class ContentFileLister
{
    private static readonly string[] PrecompressedExtensions = { ".br", ".gz" };

    private readonly IEnumerable<string>? _excludePatterns;
    private readonly IEnumerable<string> _excludedFullPaths;
    private readonly bool _ignoreCase;

    /// <param name="excludePatterns">The <c>CdnRefreshExclude</c> globs, relative to the content root (see <see cref="ExclusionRules"/>).</param>
    /// <param name="excludedFullPaths">Files never to list, by absolute path: the local manifest and its lock and usage files, when they live in the content root.</param>
    /// <param name="ignoreCase">Whether names differ by case only (globs, siblings); defaults to the operating system's convention.</param>
    public ContentFileLister(IEnumerable<string>? excludePatterns = null, IEnumerable<string>? excludedFullPaths = null, bool? ignoreCase = null)
    {
        _excludePatterns = excludePatterns;
        _excludedFullPaths = excludedFullPaths ?? Array.Empty<string>();
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

        var links = new ContentRootLinks(rootFullPath, _ignoreCase);
        var found = DirectoryWalk.FilesBelow(rootFullPath, links, _ignoreCase, cancellationToken);
        found.Sort((left, right) => string.CompareOrdinal(left.RelativePath, right.RelativePath));

        // Every path as spelled on disk (the first in order, where case is ignored), to find a sibling's source by.
        var paths = new HashSet<string>(found.Select(file => file.RelativePath), FileNameCase.Comparer(_ignoreCase));

        var rules = new ExclusionRules(_excludePatterns, _excludedFullPaths.Select(path => RelativePathBelow(rootFullPath, path)).OfType<string>(), _ignoreCase);
        var kept = new List<(FoundFile File, string UrlPath)>(found.Count);
        foreach (var file in found)
        {
            var urlPath = file.RelativePath;
            var excluded = rules.IsExcluded(urlPath);

            // A sibling whose source is excluded is excluded too: it would refresh the source's URL.
            while (!excluded && PrecompressedSource(urlPath, paths) is { } source)
            {
                urlPath = source;
                excluded = rules.IsExcluded(source);
            }

            if (!excluded)
            {
                // Checked before its status is read: such a name cannot even be opened again by the name .NET reports.
                UrlMapper.ThrowIfNotEncodable(file.RelativePath);
                kept.Add((file, urlPath));
            }
        }

        return ReadStatuses(kept, links, cancellationToken);
    }

    /// <summary>
    /// Size and last write time of each kept file, read in parallel (a status read costs as much as a small file's
    /// hash); a link's from its target, once the target is known to lie inside the content root. The first failing
    /// file in path order decides the error, so the same tree always gives the same one.
    /// </summary>
    private static IReadOnlyList<ListedFile> ReadStatuses(List<(FoundFile File, string UrlPath)> kept, ContentRootLinks links, CancellationToken cancellationToken)
    {
        var listed = new ListedFile[kept.Count];
        var errors = new CdnRefreshException?[kept.Count];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, kept.Count, options, index =>
        {
            var (file, urlPath) = kept[index];
            try
            {
                var status = new FileInfo(file.FullPath);
                if (ContentRootLinks.IsLink(status))
                {
                    status = new FileInfo(links.TargetOf(file.FullPath, file.RelativePath));
                }

                listed[index] = new ListedFile(file.RelativePath, urlPath, file.FullPath, status.Length, status.LastWriteTimeUtc);
            }
            catch (CdnRefreshException error)
            {
                errors[index] = error;
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                errors[index] = new CdnRefreshException(
                    DiagnosticCodes.FileUnreadable,
                    $"Cannot read '{file.RelativePath}' in the content root ({file.FullPath}): {exception.Message} Check that no other process removes or holds it while the build runs, and that the build may read it.",
                    exception);
            }
        });

        if (errors.FirstOrDefault(error => error is not null) is { } first)
        {
            throw first;
        }

        return listed;
    }

    /// <summary>The path, as spelled on disk, of the file <paramref name="relativePath"/> is a precompressed sibling of.</summary>
    private string? PrecompressedSource(string relativePath, HashSet<string> paths) =>
        PrecompressedExtensions
            .Where(extension => relativePath.EndsWith(extension, FileNameCase.Comparison(_ignoreCase)))
            .Select(extension => paths.TryGetValue(relativePath.Substring(0, relativePath.Length - extension.Length), out var actual) ? actual : null)
            .FirstOrDefault(source => source != null);

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
