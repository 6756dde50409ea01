using System;
using System.IO;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>A file of the content root, as found by <see cref="ContentFileLister"/>, before hashing.</summary>
/// <remarks>
/// Most files keep no full path of their own: it is the content root's (one string shared by all of them) plus the
/// relative path, built when the file is opened. At 50,000 files that is 10 MB less to hold through hashing and
/// planning. Only files whose full path cannot be derived that way carry their own.
/// </remarks>
internal sealed record ListedFile
{
    // The file's own full path (a string), or the content root's shared RootPrefix: one field, no flag beside it.
    private readonly object _location;

    /// <param name="relativePath">Path from the content root, <c>/</c>-separated, case as on disk.</param>
    /// <param name="urlPath">
    /// The relative path whose URL this file stands for: the source file's path for a precompressed sibling
    /// (<c>site.css</c> for <c>site.css.br</c>), else <paramref name="relativePath"/> itself.
    /// </param>
    /// <param name="fullPath">Where to read it (a symbolic link's own path: opening it follows the link).</param>
    /// <param name="size">Length in bytes (of the link's target for a symbolic link).</param>
    /// <param name="lastWriteTimeUtc">Last write time (of the link's target for a symbolic link).</param>
    public ListedFile(string relativePath, string urlPath, string fullPath, long size, DateTime lastWriteTimeUtc)
        : this(relativePath, urlPath, (object)fullPath, size, lastWriteTimeUtc)
    {
    }

    private ListedFile(string relativePath, string urlPath, object location, long size, DateTime lastWriteTimeUtc)
    {
        RelativePath = relativePath;
        UrlPath = urlPath;
        _location = location;
        Size = size;
        LastWriteTimeUtc = lastWriteTimeUtc;
    }

    /// <summary>Path from the content root, <c>/</c>-separated, case as on disk.</summary>
    public string RelativePath { get; init; }

    /// <summary>The relative path whose URL this file stands for (see the constructor).</summary>
    public string UrlPath { get; init; }

    /// <summary>Where to read it (a symbolic link's own path: opening it follows the link).</summary>
    public string FullPath => _location is RootPrefix root ? root.Path + ToPlatformSeparators(RelativePath) : (string)_location;

    /// <summary>Length in bytes (of the link's target for a symbolic link).</summary>
    public long Size { get; init; }

    /// <summary>Last write time (of the link's target for a symbolic link).</summary>
    public DateTime LastWriteTimeUtc { get; init; }

    /// <summary>
    /// A file whose full path is exactly <paramref name="rootPrefix"/> (the content root's full path ending in a
    /// directory separator, one instance shared by every file) followed by its relative path.
    /// </summary>
    public static ListedFile BelowRoot(RootPrefix rootPrefix, string relativePath, long size, DateTime lastWriteTimeUtc) =>
        new(relativePath, relativePath, rootPrefix, size, lastWriteTimeUtc);

    /// <summary>The relative path as the operating system writes it below a folder.</summary>
    public static string ToPlatformSeparators(string relativePath) =>
        Path.DirectorySeparatorChar == '/' ? relativePath : relativePath.Replace('/', Path.DirectorySeparatorChar);

    // By value, as the positional record was: how the full path is stored does not make two files different.
    public bool Equals(ListedFile? other) =>
        other is not null
        && string.Equals(RelativePath, other.RelativePath, StringComparison.Ordinal)
        && string.Equals(UrlPath, other.UrlPath, StringComparison.Ordinal)
        && string.Equals(FullPath, other.FullPath, StringComparison.Ordinal)
        && Size == other.Size
        && LastWriteTimeUtc == other.LastWriteTimeUtc;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(RelativePath) ^ Size.GetHashCode();

    /// <summary>The content root's full path ending in a directory separator, as <see cref="BelowRoot"/> shares it.</summary>
    internal sealed class RootPrefix
    {
        public RootPrefix(string path)
        {
            Path = path;
        }

        public string Path { get; }
    }
}
