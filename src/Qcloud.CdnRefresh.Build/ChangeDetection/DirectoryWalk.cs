using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// One recursive walk of a content root for <see cref="ContentFileLister"/>: collects the path of every file by name
/// alone, follows folder links that stay inside the root and refuses those that leave it.
/// </summary>
/// <remarks>
/// Only folders are examined here; a file's status (and whether it is a link) is read later, in parallel, for the files
/// that survive the exclusions. A folder link back to one of its own ancestors is skipped, since following it would list
/// the same files under ever longer paths.
/// </remarks>
internal sealed class DirectoryWalk(ContentRootLinks links, bool ignoreCase, CancellationToken cancellationToken)
{
    private readonly HashSet<string> _foldersBeingVisited = new(FileNameCase.Comparer(ignoreCase));
    private readonly List<FoundFile> _found = new();

    /// <summary>Every file below <paramref name="rootFullPath"/>, in no particular order.</summary>
    public static List<FoundFile> FilesBelow(string rootFullPath, ContentRootLinks links, bool ignoreCase, CancellationToken cancellationToken)
    {
        var walk = new DirectoryWalk(links, ignoreCase, cancellationToken);
        walk.Visit(rootFullPath, relativePrefix: string.Empty, links.RootRealPath);
        return walk._found;
    }

    /// <param name="folder">The folder, by the path the walk reached it (through links, if any).</param>
    /// <param name="relativePrefix">Its path from the content root, with a trailing <c>/</c> unless it is the root.</param>
    /// <param name="folderRealPath">Its canonical path, to recognise a link back to a folder being visited.</param>
    private void Visit(string folder, string relativePrefix, string folderRealPath)
    {
        if (!_foldersBeingVisited.Add(folderRealPath))
        {
            return;
        }

        // Subfolders and files, links and hidden ones (.well-known/, dot-files are content) included. Read to the end
        // before anything is followed, so that a folder that cannot be read fails here, before any of its links is judged.
        List<string> subfolders, files;
        try
        {
            subfolders = Directory.EnumerateDirectories(folder).ToList();
            files = Directory.EnumerateFiles(folder).ToList();
        }
        catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
        {
            throw Unreadable(folder, relativePrefix, exception);
        }

        foreach (var file in files)
        {
            _found.Add(new FoundFile(relativePrefix + Path.GetFileName(file), file));
        }

        foreach (var subfolder in subfolders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileName(subfolder);
            var relativePath = relativePrefix + name;
            if (!UrlPathEncoder.IsEncodable(relativePath))
            {
                // Not valid Unicode on disk: .NET cannot even open it by the name it reports. Listed as a file, so that
                // the lister refuses it with a coded error unless an exclusion drops it first.
                _found.Add(new FoundFile(relativePath, subfolder));
                continue;
            }

            var realPath = IsLink(subfolder, relativePath)
                ? links.TargetOf(subfolder, relativePath)
                : Path.Combine(folderRealPath, name);
            Visit(subfolder, relativePath + "/", realPath);
        }

        _foldersBeingVisited.Remove(folderRealPath);
    }

    private static bool IsLink(string folder, string relativePath)
    {
        try
        {
            return ContentRootLinks.IsLink(new DirectoryInfo(folder));
        }
        catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
        {
            throw Unreadable(folder, relativePath, exception);
        }
    }

    private static CdnRefreshException Unreadable(string folder, string relativePath, Exception exception)
    {
        var name = relativePath.Length == 0 ? "the content root" : "'" + relativePath.TrimEnd('/') + "'";
        return new CdnRefreshException(
            DiagnosticCodes.FileUnreadable,
            $"Cannot list the folder {name} ({folder}): {exception.Message} Check that the build may read it.",
            exception);
    }
}
