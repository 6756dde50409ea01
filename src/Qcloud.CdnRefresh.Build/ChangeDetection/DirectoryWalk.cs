using System;
using System.Collections.Generic;
using System.IO;
#if !NETFRAMEWORK
using System.IO.Enumeration;
#endif
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

    private readonly ListedFile.RootPrefix _rootPrefix;

    /// <summary><paramref name="rootFolder"/> is the content root as the walk starts from it (see <see cref="Visit"/>).</summary>
    public DirectoryWalk(string rootRealPath, DirectoryInfo rootFolder, bool ignoreCase, CancellationToken cancellationToken)
    {
        RootRealPath = rootRealPath;
        _rootPrefix = new ListedFile.RootPrefix(WithTrailingSeparator(rootFolder.FullName));
        _ignoreCase = ignoreCase;
        _cancellationToken = cancellationToken;
        _foldersBeingVisited = new HashSet<string>(FileNameCase.Comparer(ignoreCase));
    }

    public string RootRealPath { get; }

    /// <summary>The files found so far, in no particular order, with <see cref="ListedFile.UrlPath"/> still unset.</summary>
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

        // Plain files are in Found already; links and folders are followed once the folder has been read.
        foreach (var entry in Enumerate(folder, relativePrefix, IsBelowRootPrefix(folder, relativePrefix)))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (entry.IsLink)
            {
                VisitLink(entry.FullPath!, entry.RelativePath);
            }
            else
            {
                Visit(new DirectoryInfo(entry.FullPath!), entry.RelativePath + "/", Path.Combine(folderRealPath, entry.RelativePath.Substring(relativePrefix.Length)));
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

        if (!RealPath.IsSameOrBelow(target, RootRealPath, _ignoreCase))
        {
            throw new CdnRefreshException(
                DiagnosticCodes.SymlinkEscapesContentRoot,
                $"'{relativePath}' in the content root is a link to '{target}', which is outside the content root '{RootRealPath}'. Copy the files into the publish output instead of linking to them, or move the link out of the content root.");
        }

        if (Directory.Exists(target))
        {
            Visit(new DirectoryInfo(linkFullPath), relativePath + "/", target);
            return;
        }

        var targetFile = new FileInfo(target);
        Found.Add(new ListedFile(relativePath, relativePath, linkFullPath, targetFile.Length, targetFile.LastWriteTimeUtc));
    }

    private ListedFile ListedFrom(DirectoryEntry entry, long length, DateTime lastWriteTimeUtc) =>
        ListedFrom(entry.RelativePath, entry.FullPath, length, lastWriteTimeUtc);

    private ListedFile ListedFrom(string relativePath, string? fullPath, long length, DateTime lastWriteTimeUtc) =>
        fullPath is null
            ? ListedFile.BelowRoot(_rootPrefix, relativePath, length, lastWriteTimeUtc)
            : new ListedFile(relativePath, relativePath, fullPath, length, lastWriteTimeUtc);

    /// <summary>
    /// Whether the folder's path is the root's plus its relative prefix, so that its files' full paths can be derived
    /// (<see cref="ListedFile.BelowRoot"/>). True unless normalisation changed a name; then files keep their own path.
    /// </summary>
    private bool IsBelowRootPrefix(DirectoryInfo folder, string relativePrefix) =>
        string.Equals(WithTrailingSeparator(folder.FullName), _rootPrefix.Path + ListedFile.ToPlatformSeparators(relativePrefix), StringComparison.Ordinal);

    private static string WithTrailingSeparator(string path) =>
        path.Length > 0 && path[path.Length - 1] == Path.DirectorySeparatorChar ? path : path + Path.DirectorySeparatorChar;

    /// <summary>
    /// Reads the folder: plain files (and entries whose name is not valid Unicode) go to <see cref="Found"/> as they are
    /// enumerated; the links and subfolders to follow come back. Nothing is held per file but the file itself.
    /// </summary>
    /// <remarks>
    /// The folder is read to its end before anything is followed, so that a folder that cannot be read fails inside this
    /// try, and before any of its links is judged. With <paramref name="derivable"/>, files do not keep their own path.
    /// </remarks>
    private List<DirectoryEntry> Enumerate(DirectoryInfo folder, string relativePrefix, bool derivable)
    {
        var toFollow = new List<DirectoryEntry>();
        try
        {
#if NETFRAMEWORK
            foreach (var info in folder.EnumerateFileSystemInfos())
            {
                var isLink = (info.Attributes & FileAttributes.ReparsePoint) != 0;
                var file = isLink ? null : info as FileInfo;

                // FileSystemInfo built the full path already: nothing to save by deriving it.
                Add(new DirectoryEntry(relativePrefix + info.Name, info.FullName, isLink, info is DirectoryInfo, file?.Length ?? 0, file?.LastWriteTimeUtc ?? default), toFollow);
            }
#else
            // Entries straight from the enumeration: no FileInfo per file, and the one stat that size and time need.
            // Plain files get one string each, the relative path, made straight from the name the enumeration holds.
            foreach (var entry in new FileSystemEnumerable<DirectoryEntry?>(folder.FullName, (ref FileSystemEntry e) => Take(ref e, relativePrefix, derivable), AllEntries))
            {
                if (entry is not null)
                {
                    toFollow.Add(entry);
                }
            }
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

        return toFollow;
    }

    private void Add(DirectoryEntry entry, List<DirectoryEntry> toFollow)
    {
        if (Add(entry))
        {
            toFollow.Add(entry);
        }
    }

    /// <summary>Lists a plain file (or a name that is not valid Unicode); true for a link or folder to follow.</summary>
    private bool Add(DirectoryEntry entry)
    {
        _cancellationToken.ThrowIfCancellationRequested();

        // Every folder on the way passed this check, so checking the whole relative path checks the name.
        if (!UrlPathEncoder.IsEncodable(entry.RelativePath))
        {
            // Not valid Unicode on disk: .NET cannot even stat it by the name it reports. Listed as it is, so the
            // lister can refuse it with a coded error unless an exclusion drops it first.
            Found.Add(ListedFrom(entry, 0, default));
            return false;
        }

        if (entry.IsLink || entry.IsDirectory)
        {
            return true;
        }

        Found.Add(ListedFrom(entry, entry.Length, entry.LastWriteTimeUtc));
        return false;
    }

#if !NETFRAMEWORK
    /// <summary>A plain file goes into <see cref="Found"/> right away (null); a link or folder comes back to be followed.</summary>
    private DirectoryEntry? Take(ref FileSystemEntry entry, string relativePrefix, bool derivable)
    {
        var isLink = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
        var relativePath = string.Concat(relativePrefix.AsSpan(), entry.FileName);
        if (isLink || entry.IsDirectory)
        {
            var followed = new DirectoryEntry(relativePath, entry.ToFullPath(), isLink, entry.IsDirectory, 0, default);
            return Add(followed) ? followed : null;
        }

        // What Add does for a plain file, without an entry object per file.
        var length = entry.Length;
        var lastWriteTimeUtc = entry.LastWriteTimeUtc.UtcDateTime;
        var fullPath = derivable ? null : entry.ToFullPath();
        _cancellationToken.ThrowIfCancellationRequested();
        Found.Add(UrlPathEncoder.IsEncodable(relativePath)
            ? ListedFrom(relativePath, fullPath, length, lastWriteTimeUtc)
            : ListedFrom(relativePath, fullPath, 0, default));
        return null;
    }
#endif
}
