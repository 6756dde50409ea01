using Qcloud.CdnRefresh.Build.Diagnostics;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// Where a symbolic link (or junction) of the content root leads: followed when its target exists inside the content
/// root, an error when it dangles or leads out of it, since the site would then depend on files this package does not
/// track.
/// </summary>
internal sealed class ContentRootLinks
{
    // FileSystemInfo.Attributes of an entry that does not exist.
    private const FileAttributes MissingEntry = (FileAttributes)(-1);

    private readonly bool _ignoreCase;

    public ContentRootLinks(string rootFullPath, bool ignoreCase)
    {
        RootRealPath = RealPath.Resolve(rootFullPath) ?? rootFullPath;
        _ignoreCase = ignoreCase;
    }

    /// <summary>The content root's canonical path.</summary>
    public string RootRealPath { get; }

    /// <summary>
    /// Whether <paramref name="entry"/> is a link rather than a file or folder of its own (this reads its status). One
    /// that no longer exists is not a link: reading it then fails with the file system's own reason.
    /// </summary>
    public static bool IsLink(FileSystemInfo entry)
    {
        var attributes = entry.Attributes;
        return attributes != MissingEntry && (attributes & FileAttributes.ReparsePoint) != 0;
    }

    /// <summary>The canonical path of the link's target.</summary>
    /// <exception cref="CdnRefreshException">
    /// <see cref="DiagnosticCodes.FileUnreadable"/>: the target does not exist;
    /// <see cref="DiagnosticCodes.SymlinkEscapesContentRoot"/>: it lies outside the content root.
    /// </exception>
    public string TargetOf(string linkFullPath, string relativePath)
    {
        var target = RealPath.Resolve(linkFullPath)
            ?? throw new CdnRefreshException(
                DiagnosticCodes.FileUnreadable,
                $"'{relativePath}' in the content root is a link whose target does not exist ({linkFullPath}). Remove the link from the publish output, or make it point to an existing file inside the content root.");

        if (!RealPath.IsSameOrBelow(target, RootRealPath, _ignoreCase))
        {
            throw new CdnRefreshException(
                DiagnosticCodes.SymlinkEscapesContentRoot,
                $"'{relativePath}' in the content root is a link to '{target}', which is outside the content root '{RootRealPath}'. Copy the files into the publish output instead of linking to them, or move the link out of the content root.");
        }

        return target;
    }
}
