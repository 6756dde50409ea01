using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// The canonical path of a file or folder with every symbolic link (and junction) on the way resolved, as the
/// operating system itself resolves it. Comparing canonical paths is the only reliable way to tell whether a link
/// leads out of the content root: a link's own target may run through further links.
/// </summary>
/// <remarks>
/// The operating system is asked at run time, not chosen by target framework, so the same .NET Framework build runs
/// under Visual Studio's MSBuild on Windows and under Mono elsewhere.
/// </remarks>
internal static class RealPath
{
    /// <summary>The canonical path, or null when the path (or a link's target on the way) does not exist.</summary>
    public static string? Resolve(string path)
    {
        var fullPath = Path.GetFullPath(path);
        return RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? WindowsFinalPath(fullPath) : PosixRealPath(fullPath);
    }

    /// <summary>Whether <paramref name="canonicalPath"/> is <paramref name="canonicalFolder"/> or lies below it.</summary>
    public static bool IsSameOrBelow(string canonicalPath, string canonicalFolder, bool ignoreCase)
    {
        var comparison = FileNameCase.Comparison(ignoreCase);
        var prefix = canonicalFolder.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            ? canonicalFolder
            : canonicalFolder + Path.DirectorySeparatorChar;
        return string.Equals(canonicalPath, canonicalFolder, comparison) || canonicalPath.StartsWith(prefix, comparison);
    }

    /// <summary>realpath(3): fails (null) for a missing component, a dangling link or a link loop.</summary>
    private static string? PosixRealPath(string fullPath)
    {
        var nulTerminated = Encoding.UTF8.GetBytes(fullPath + "\0");
        var resolved = realpath(nulTerminated, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            var length = 0;
            while (Marshal.ReadByte(resolved, length) != 0)
            {
                length++;
            }

            var bytes = new byte[length];
            Marshal.Copy(resolved, bytes, 0, length);
            return Encoding.UTF8.GetString(bytes);
        }
        finally
        {
            free(resolved);
        }
    }

    private const uint FileFlagBackupSemantics = 0x02000000; // lets CreateFile open folders
    private const uint OpenExisting = 3;

    /// <summary>The path of an open handle, which Windows reports with every link and junction resolved.</summary>
    private static string? WindowsFinalPath(string fullPath)
    {
        using var handle = CreateFileW(fullPath, 0, FileShare.ReadWrite | FileShare.Delete, IntPtr.Zero, OpenExisting, FileFlagBackupSemantics, IntPtr.Zero);
        if (handle.IsInvalid)
        {
            return null;
        }

        var buffer = new StringBuilder(1024);
        var length = GetFinalPathNameByHandleW(handle, buffer, (uint)buffer.Capacity, 0);
        if (length >= buffer.Capacity)
        {
            buffer.EnsureCapacity((int)length + 1);
            length = GetFinalPathNameByHandleW(handle, buffer, (uint)buffer.Capacity, 0);
        }

        if (length == 0 || length >= buffer.Capacity)
        {
            return null;
        }

        var finalPath = buffer.ToString(0, (int)length);
        if (finalPath.StartsWith(@"\\?\UNC\", StringComparison.OrdinalIgnoreCase))
        {
            return @"\\" + finalPath.Substring(8);
        }

        return finalPath.StartsWith(@"\\?\", StringComparison.Ordinal) ? finalPath.Substring(4) : finalPath;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath(byte[] path, IntPtr resolvedPath);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern SafeFileHandle CreateFileW(string fileName, uint desiredAccess, FileShare shareMode, IntPtr securityAttributes, uint creationDisposition, uint flagsAndAttributes, IntPtr templateFile);

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern uint GetFinalPathNameByHandleW(SafeFileHandle file, StringBuilder filePath, uint filePathLength, uint flags);
}
