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
/// <param name="excludePatterns">The <c>CdnRefreshExclude</c> globs, relative to the content root (see <see cref="ExclusionRules"/>).</param>
/// <param name="excludedFullPaths">Files never to list, by absolute path: the local manifest and its lock and usage files, when they live in the content root.</param>
/// <param name="ignoreCase">Whether names differ by case only (globs, siblings); defaults to the operating system's convention.</param>
internal sealed class ContentFileLister(
    IEnumerable<string>? excludePatterns = null, IEnumerable<string>? excludedFullPaths = null, bool? ignoreCase = null)
{
    private static readonly string[] PrecompressedExtensions = { ".br", ".gz" };

    private readonly IEnumerable<string> _excludedFullPaths = excludedFullPaths ?? Array.Empty<string>();
    private readonly bool _ignoreCase = ignoreCase ?? FileNameCase.IgnoredByDefault;

    /// <summary>The listed files, sorted ordinally by relative path.</summary>
    public IReadOnlyList<ListedFile> List(string contentRoot, CancellationToken cancellationToken = default)
    {
        var rootFullPath = ContentRoot.TrimTrailingSeparator(Path.GetFullPath(contentRoot));
        if (!Directory.Exists(rootFullPath))
        {
            throw new CdnRefreshException(
                DiagnosticCodes.ContentRootMissing,
                $"The content root '{rootFullPath}' does not exist. Check CdnRefreshContentRoot and PublishDir.");
        }

        // The exclusion rules are compiled while the folders are walked: neither needs the other.
        var excludedRelativePaths = _excludedFullPaths.Select(path => RelativePathBelow(rootFullPath, path)).OfType<string>().ToList();
        var compilingRules = Task.Run(() => new ExclusionRules(excludePatterns, excludedRelativePaths, _ignoreCase), CancellationToken.None);
        var links = new ContentRootLinks(rootFullPath, _ignoreCase);
        var found = DirectoryWalk.FilesBelow(rootFullPath, links, _ignoreCase, cancellationToken);
        found.Sort((left, right) => string.CompareOrdinal(left.RelativePath, right.RelativePath));

        // Every path as spelled on disk (the first in order, where case is ignored), to find a sibling's source by.
        var paths = new HashSet<string>(found.Select(file => file.RelativePath), FileNameCase.Comparer(_ignoreCase));
        var rules = compilingRules.GetAwaiter().GetResult();

        // Each file is judged and, when kept, its status read, several at a time; the first failing file in path order
        // decides the error, so the same tree always gives the same one.
        var listed = new ListedFile?[found.Count];
        var errors = new CdnRefreshException?[found.Count];
        Parallel.For(0, found.Count, new ParallelOptions { CancellationToken = cancellationToken }, index =>
        {
            try
            {
                listed[index] = Examine(found[index], paths, rules, links);
            }
            catch (CdnRefreshException error)
            {
                errors[index] = error;
            }
        });

        if (errors.FirstOrDefault(error => error is not null) is { } first)
        {
            throw first;
        }

        return listed.OfType<ListedFile>().ToList();
    }

    /// <summary>The file as listed, with its size and time (a link's from its target, once known to be inside); null if excluded.</summary>
    private ListedFile? Examine(FoundFile file, HashSet<string> paths, ExclusionRules rules, ContentRootLinks links)
    {
        var urlPath = file.RelativePath;
        var excluded = rules.IsExcluded(urlPath);

        // A sibling whose source is excluded is excluded too: it would refresh the source's URL.
        while (!excluded && PrecompressedSource(urlPath, paths) is { } source)
        {
            urlPath = source;
            excluded = rules.IsExcluded(source);
        }

        if (excluded)
        {
            return null;
        }

        // Checked before the status is read: such a name cannot even be opened again by the name .NET reports.
        UrlMapper.ThrowIfNotEncodable(file.RelativePath);
        try
        {
            var status = new FileInfo(file.FullPath);
            if (ContentRootLinks.IsLink(status))
            {
                status = new FileInfo(links.TargetOf(file.FullPath, file.RelativePath));
            }

            return new ListedFile(file.RelativePath, urlPath, file.FullPath, status.Length, status.LastWriteTimeUtc);
        }
        catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
        {
            throw new CdnRefreshException(
                DiagnosticCodes.FileUnreadable,
                $"Cannot read '{file.RelativePath}' in the content root ({file.FullPath}): {exception.Message} Check that no other process removes or holds it while the build runs, and that the build may read it.",
                exception);
        }
    }

    /// <summary>The path, as spelled on disk, of the file <paramref name="relativePath"/> is a precompressed sibling of.</summary>
    private string? PrecompressedSource(string relativePath, HashSet<string> paths)
    {
        foreach (var extension in PrecompressedExtensions)
        {
            if (relativePath.EndsWith(extension, FileNameCase.Comparison(_ignoreCase))
                && paths.TryGetValue(relativePath.Substring(0, relativePath.Length - extension.Length), out var source))
            {
                return source;
            }
        }

        return null;
    }

    private string? RelativePathBelow(string rootFullPath, string? fullPath)
    {
        var candidate = string.IsNullOrEmpty(fullPath) ? string.Empty : Path.GetFullPath(fullPath);
        var prefix = ContentRoot.WithTrailingSeparator(rootFullPath);
        return candidate.Length > prefix.Length && candidate.StartsWith(prefix, FileNameCase.Comparison(_ignoreCase))
            ? candidate.Substring(prefix.Length).Replace(Path.DirectorySeparatorChar, '/')
            : null;
    }
}
