using System;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// One entry of a folder as <see cref="DirectoryWalk"/> needs it. Size and time are filled for plain files only: a
/// folder's are never used and a link's are taken from its target.
/// </summary>
/// <remarks>
/// A class: the enumeration over it then runs the runtime's precompiled shared code rather than a copy compiled at run
/// time for a value type, and on .NET only links and folders get one (plain files go straight into the listing).
/// </remarks>
internal sealed class DirectoryEntry
{
    public DirectoryEntry(string relativePath, string? fullPath, bool isLink, bool isDirectory, long length, DateTime lastWriteTimeUtc)
    {
        RelativePath = relativePath;
        FullPath = fullPath;
        IsLink = isLink;
        IsDirectory = isDirectory;
        Length = length;
        LastWriteTimeUtc = lastWriteTimeUtc;
    }

    /// <summary>Path from the content root: the folder's relative prefix and the entry's name.</summary>
    public string RelativePath { get; }

    /// <summary>
    /// Null for a plain file whose full path is the content root's plus <see cref="RelativePath"/> (see
    /// <see cref="ListedFile.BelowRoot"/>): no string is built for what can be derived.
    /// </summary>
    public string? FullPath { get; }

    /// <summary>A symbolic link or junction, to a file or a folder.</summary>
    public bool IsLink { get; }

    public bool IsDirectory { get; }

    public long Length { get; }

    public DateTime LastWriteTimeUtc { get; }
}
