using System;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// One entry of a folder as <see cref="DirectoryWalk"/> needs it. Size and time are filled for plain files only: a
/// folder's are never used and a link's are taken from its target.
/// </summary>
internal readonly struct DirectoryEntry
{
    public DirectoryEntry(string name, string fullPath, bool isLink, bool isDirectory, long length, DateTime lastWriteTimeUtc)
    {
        Name = name;
        FullPath = fullPath;
        IsLink = isLink;
        IsDirectory = isDirectory;
        Length = length;
        LastWriteTimeUtc = lastWriteTimeUtc;
    }

    public string Name { get; }

    public string FullPath { get; }

    /// <summary>A symbolic link or junction, to a file or a folder.</summary>
    public bool IsLink { get; }

    public bool IsDirectory { get; }

    public long Length { get; }

    public DateTime LastWriteTimeUtc { get; }
}
