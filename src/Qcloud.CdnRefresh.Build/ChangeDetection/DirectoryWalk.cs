using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// One recursive walk of a content root for <see cref="ContentFileLister"/>: collects every file, follows links that
/// stay inside the root and refuses those that leave it.
/// </summary>
/// <remarks>
/// Size and last write time come from the enumeration itself (for a symbolic link, from its target, or a changed target
/// would look unchanged). A folder link back to one of its own ancestors is skipped, since following it would list the
/// same files under ever longer paths.
/// </remarks>
internal sealed class DirectoryWalk
{
    private readonly string _rootRealPath;
    private readonly bool _ignoreCase;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<string> _foldersBeingVisited;
    private readonly List<ListedFile> _found = new();

    private DirectoryWalk(string rootRealPath, bool ignoreCase, CancellationToken cancellationToken)
    {
        _rootRealPath = rootRealPath;
        _ignoreCase = ignoreCase;
        _cancellationToken = cancellationToken;
        _foldersBeingVisited = new HashSet<string>(FileNameCase.Comparer(ignoreCase));
    }

    /// <summary>Every file below <paramref name="rootFullPath"/>, in no particular order, each its own URL path.</summary>
    public static List<ListedFile> FilesBelow(string rootFullPath, bool ignoreCase, CancellationToken cancellationToken)
    {
        var walk = new DirectoryWalk(RealPath.Resolve(rootFullPath) ?? rootFullPath, ignoreCase, cancellationToken);
        walk.Visit(new DirectoryInfo(rootFullPath), relativePrefix: string.Empty, walk._rootRealPath);
        return walk._found;
    }

    /// <param name="folder">The folder, by the path the walk reached it (through links, if any).</param>
    /// <param name="relativePrefix">Its path from the content root, with a trailing <c>/</c> unless it is the root.</param>
    /// <param name="folderRealPath">Its canonical path, to recognise a link back to a folder being visited.</param>
    private void Visit(DirectoryInfo folder, string relativePrefix, string folderRealPath)
    {
        if (!_foldersBeingVisited.Add(folderRealPath))
        {
            return;
        }

        foreach (var entry in Read(folder, relativePrefix))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var relativePath = relativePrefix + entry.Name;

            // Every folder on the way passed this check, so checking the whole relative path checks the name.
            if (!UrlPathEncoder.IsEncodable(relativePath))
            {
                // Not valid Unicode on disk: .NET cannot even stat it by the name it reports. Listed as it is, so the
                // lister can refuse it with a coded error unless an exclusion drops it first.
                _found.Add(new ListedFile(relativePath, relativePath, entry.FullName, 0, default));
            }
            else if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                VisitLink(entry.FullName, relativePath);
            }
            else if (entry is DirectoryInfo subfolder)
            {
                Visit(subfolder, relativePath + "/", Path.Combine(folderRealPath, entry.Name));
            }
            else if (entry is FileInfo file)
            {
                _found.Add(new ListedFile(relativePath, relativePath, file.FullName, file.Length, file.LastWriteTimeUtc));
            }
        }

        _foldersBeingVisited.Remove(folderRealPath);
    }

    private void VisitLink(string linkFullPath, string relativePath)
    {
        var target = RealPath.Resolve(linkFullPath);
        if (target == null)
        {
            throw new CdnRefreshException(
                DiagnosticCodes.FileUnreadable,
                $"'{relativePath}' in the content root is a link whose target does not exist ({linkFullPath}). Remove the link from the publish output, or make it point to an existing file inside the content root.");
        }

        if (!RealPath.IsSameOrBelow(target, _rootRealPath, _ignoreCase))
        {
            throw new CdnRefreshException(
                DiagnosticCodes.SymlinkEscapesContentRoot,
                $"'{relativePath}' in the content root is a link to '{target}', which is outside the content root '{_rootRealPath}'. Copy the files into the publish output instead of linking to them, or move the link out of the content root.");
        }

        if (Directory.Exists(target))
        {
            Visit(new DirectoryInfo(linkFullPath), relativePath + "/", target);
            return;
        }

        var targetFile = new FileInfo(target);
        _found.Add(new ListedFile(relativePath, relativePath, linkFullPath, targetFile.Length, targetFile.LastWriteTimeUtc));
    }

    /// <summary>
    /// The folder's entries, hidden ones included (.well-known/, dot-files are content too). Read to the end before
    /// anything is followed, so that a folder that cannot be read fails here, before any of its links is judged.
    /// </summary>
    private static List<FileSystemInfo> Read(DirectoryInfo folder, string relativePrefix)
    {
        try
        {
            return folder.EnumerateFileSystemInfos().ToList();
        }
        catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
        {
            var name = relativePrefix.Length == 0 ? "the content root" : "'" + relativePrefix.TrimEnd('/') + "'";
            throw new CdnRefreshException(
                DiagnosticCodes.FileUnreadable,
                $"Cannot list the folder {name} ({folder.FullName}): {exception.Message} Check that the build may read it.",
                exception);
        }
    }
}
