using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Qcloud.CdnRefresh.Build.Diagnostics;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// Where a symbolic link (or junction) of the content root leads: followed when its target exists inside the content
/// root, an error when it dangles or leads out of it, since the site would then depend on files this package does not
/// track.
/// </summary>
/// <remarks>
/// Only canonical paths, with every link on the way resolved as the operating system itself resolves it, tell whether
/// a link leads out: a link's own target may run through further links. The operating system is asked at run time,
/// not chosen by target framework, so the same .NET Framework build runs under Visual Studio's MSBuild on Windows and
/// under Mono elsewhere.
/// </remarks>
internal sealed class ContentRootLinks(string rootFullPath, bool ignoreCase)
{
    // FileSystemInfo.Attributes of an entry that does not exist.
    private const FileAttributes MissingEntry = (FileAttributes)(-1);
    private const uint FileFlagBackupSemantics = 0x02000000; // lets CreateFile open folders
    private const uint OpenExisting = 3;

    public string RootRealPath { get; } = RealPath(rootFullPath) ?? rootFullPath;

    /// <summary>
    /// Whether <paramref name="entry"/> is a link rather than a file or folder of its own (this reads its status). One
    /// that no longer exists is not a link: reading it then fails with the file system's own reason.
    /// </summary>
    public static bool IsLink(FileSystemInfo entry) =>
        entry.Attributes is var attributes && attributes != MissingEntry && (attributes & FileAttributes.ReparsePoint) != 0;

    /// <summary>The canonical path of the link's target.</summary>
    /// <exception cref="CdnRefreshException">
    /// <see cref="DiagnosticCodes.FileUnreadable"/>: the target does not exist;
    /// <see cref="DiagnosticCodes.SymlinkEscapesContentRoot"/>: it lies outside the content root.
    /// </exception>
    public string TargetOf(string linkFullPath, string relativePath)
    {
        var target = RealPath(linkFullPath)
            ?? throw new CdnRefreshException(
                DiagnosticCodes.FileUnreadable,
                $"'{relativePath}' in the content root is a link whose target does not exist ({linkFullPath}). Remove the link from the publish output, or make it point to an existing file inside the content root.");

        var comparison = FileNameCase.Comparison(ignoreCase);
        var insideRoot = string.Equals(target, RootRealPath, comparison)
            || target.StartsWith(ContentRoot.WithTrailingSeparator(RootRealPath), comparison);
        return insideRoot
            ? target
            : throw new CdnRefreshException(
                DiagnosticCodes.SymlinkEscapesContentRoot,
                $"'{relativePath}' in the content root is a link to '{target}', which is outside the content root '{RootRealPath}'. Copy the files into the publish output instead of linking to them, or move the link out of the content root.");
    }

    /// <summary>The canonical path, or null when the path (or a link's target on the way) does not exist.</summary>
    private static string? RealPath(string path)
    {
        var fullPath = Path.GetFullPath(path);
        return RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? WindowsFinalPath(fullPath) : PosixRealPath(fullPath);
    }

    /// <summary>realpath(3): fails (null) for a missing component, a dangling link or a link loop.</summary>
    private static string? PosixRealPath(string fullPath)
    {
        // PATH_MAX is 4096 on Linux and 1024 on macOS: realpath never writes more into the buffer it is given.
        var resolved = new byte[4096];
        return realpath(Encoding.UTF8.GetBytes(fullPath + "\0"), resolved) == IntPtr.Zero
            ? null
            : Encoding.UTF8.GetString(resolved, 0, Array.IndexOf(resolved, (byte)0));
    }

    /// <summary>The path of an open handle, which Windows reports with every link and junction resolved.</summary>
    private static string? WindowsFinalPath(string fullPath)
    {
        using var handle = CreateFileW(fullPath, 0, FileShare.ReadWrite | FileShare.Delete, IntPtr.Zero, OpenExisting, FileFlagBackupSemantics, IntPtr.Zero);
        if (handle.IsInvalid)
        {
            return null;
        }

        // Room for the longest path Windows has (32,767 characters), so one call is enough.
        var buffer = new StringBuilder(short.MaxValue + 1);
        var length = GetFinalPathNameByHandleW(handle, buffer, (uint)buffer.Capacity, 0);
        if (length == 0 || length >= buffer.Capacity)
        {
            return null;
        }

        var finalPath = buffer.ToString(0, (int)length);
        return finalPath.StartsWith(@"\\?\UNC\", StringComparison.OrdinalIgnoreCase) ? @"\\" + finalPath.Substring(8)
            : finalPath.StartsWith(@"\\?\", StringComparison.Ordinal) ? finalPath.Substring(4)
            : finalPath;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath(byte[] path, [Out] byte[] resolvedPath);

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern SafeFileHandle CreateFileW(string fileName, uint desiredAccess, FileShare shareMode, IntPtr securityAttributes, uint creationDisposition, uint flagsAndAttributes, IntPtr templateFile);

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern uint GetFinalPathNameByHandleW(SafeFileHandle file, StringBuilder filePath, uint filePathLength, uint flags);
}
