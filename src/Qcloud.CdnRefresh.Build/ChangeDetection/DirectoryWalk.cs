using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// One recursive walk of a content root for <see cref="ContentFileLister"/>: collects every file, follows links that
/// stay inside the root and refuses those that leave it.
/// </summary>
internal sealed class DirectoryWalk
{
#if !NETFRAMEWORK
    // Hidden and system entries are content too (.well-known/, dot-files); .NET would skip them by default.
    private static readonly EnumerationOptions AllEntries = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
        MatchType = MatchType.Simple,
    };
#endif

    private readonly bool _ignoreCase;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<string> _foldersBeingVisited;

    public DirectoryWalk(string rootRealPath, bool ignoreCase, CancellationToken cancellationToken)
    {
        RootRealPath = rootRealPath;
        _ignoreCase = ignoreCase;
        _cancellationToken = cancellationToken;
        _foldersBeingVisited = new HashSet<string>(FileNameCase.Comparer(ignoreCase));
    }

    public string RootRealPath { get; }

    /// <summary>The files found so far, in enumeration order, with <see cref="ListedFile.UrlPath"/> still unset.</summary>
    public List<ListedFile> Found { get; } = new();

    /// <param name="folder">The folder, by the path the walk reached it (through links, if any).</param>
    /// <param name="relativePrefix">Its path from the content root, with a trailing <c>/</c> unless it is the root.</param>
    /// <param name="folderRealPath">Its canonical path, to recognise a link back to a folder being visited.</param>
    public void Visit(DirectoryInfo folder, string relativePrefix, string folderRealPath)
    {
        if (!_foldersBeingVisited.Add(folderRealPath))
        {
            return;
        }

        foreach (var entry in Enumerate(folder, relativePrefix))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var relativePath = relativePrefix + entry.Name;
            if (!UrlPathEncoder.IsEncodable(entry.Name))
            {
                // Not valid Unicode on disk: .NET cannot even stat it by the name it reports. Listed as it is, so the
                // lister can refuse it with a coded error unless an exclusion drops it first.
                Found.Add(new ListedFile(relativePath, relativePath, entry.FullName, 0, default));
                continue;
            }

            if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                VisitLink(entry, relativePath);
            }
            else if (entry is DirectoryInfo subfolder)
            {
                Visit(subfolder, relativePath + "/", Path.Combine(folderRealPath, entry.Name));
            }
            else if (entry is FileInfo file)
            {
                Found.Add(new ListedFile(relativePath, relativePath, file.FullName, file.Length, file.LastWriteTimeUtc));
            }
        }

        _foldersBeingVisited.Remove(folderRealPath);
    }

    private void VisitLink(FileSystemInfo link, string relativePath)
    {
        var target = RealPath.Resolve(link.FullName);
        if (target == null)
        {
            throw new CdnRefreshException(
                DiagnosticCodes.FileUnreadable,
                $"'{relativePath}' in the content root is a link whose target does not exist ({link.FullName}). Remove the link from the publish output, or make it point to an existing file inside the content root.");
        }

        if (!RealPath.IsSameOrBelow(target, RootRealPath, _ignoreCase))
        {
            throw new CdnRefreshException(
                DiagnosticCodes.SymlinkEscapesContentRoot,
                $"'{relativePath}' in the content root is a link to '{target}', which is outside the content root '{RootRealPath}'. Copy the files into the publish output instead of linking to them, or move the link out of the content root.");
        }

        if (Directory.Exists(target))
        {
            Visit(new DirectoryInfo(link.FullName), relativePath + "/", target);
            return;
        }

        var targetFile = new FileInfo(target);
        Found.Add(new ListedFile(relativePath, relativePath, link.FullName, targetFile.Length, targetFile.LastWriteTimeUtc));
    }

    private static IEnumerable<FileSystemInfo> Enumerate(DirectoryInfo folder, string relativePrefix)
    {
        try
        {
            // Materialised here so that a folder that cannot be read fails inside this try, not later in the caller's loop.
#if NETFRAMEWORK
            return new List<FileSystemInfo>(folder.EnumerateFileSystemInfos());
#else
            return new List<FileSystemInfo>(folder.EnumerateFileSystemInfos("*", AllEntries));
#endif
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
