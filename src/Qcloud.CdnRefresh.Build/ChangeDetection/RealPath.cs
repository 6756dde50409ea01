using System;
using System.Collections.Generic;
using System.IO;
#if NETFRAMEWORK
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
#endif

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// The canonical path of a file or folder with every symbolic link (and junction) on the way resolved, like POSIX
/// <c>realpath</c>. Comparing canonical paths is the only reliable way to tell whether a link leads out of the
/// content root: a link's own target may run through further links.
/// </summary>
internal static class RealPath
{
    // Same limit as Linux's MAXSYMLINKS: a longer chain is a loop.
    private const int MaxLinkHops = 40;

    /// <summary>The canonical path, or null when the path (or a link's target on the way) does not exist.</summary>
    public static string? Resolve(string path)
    {
        var fullPath = Path.GetFullPath(path);
#if NETFRAMEWORK
        // .NET Framework only runs on Windows and cannot read link targets; the OS canonicalises the open handle instead.
        return WindowsFinalPath(fullPath);
#else
        var resolved = ResolveLinks(fullPath);
        return resolved != null && (File.Exists(resolved) || Directory.Exists(resolved)) ? resolved : null;
#endif
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

#if !NETFRAMEWORK
    private static string? ResolveLinks(string fullPath)
    {
        var resolved = Path.GetPathRoot(fullPath)!;
        var pending = new Stack<string>();
        PushComponents(pending, fullPath.Substring(resolved.Length));
        var hops = 0;
        while (pending.Count > 0)
        {
            var component = pending.Pop();
            if (component.Length == 0 || component == ".")
            {
                continue;
            }

            if (component == "..")
            {
                // 'resolved' holds no links, so going up lexically is going up physically.
                resolved = Path.GetDirectoryName(resolved) ?? resolved;
                continue;
            }

            var candidate = Path.Combine(resolved, component);
            var target = LinkTargetOf(candidate);
            if (target == null)
            {
                resolved = candidate;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                resolved = Path.GetPathRoot(target)!;
                target = target.Substring(resolved.Length);
            }

            PushComponents(pending, target);
        }

        return resolved;
    }

    private static string? LinkTargetOf(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null; // missing component: the caller sees that the result does not exist
        }
    }

    private static void PushComponents(Stack<string> pending, string relative)
    {
        var components = relative.Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
        for (var i = components.Length - 1; i >= 0; i--)
        {
            pending.Push(components[i]);
        }
    }
#else
    private const uint FileFlagBackupSemantics = 0x02000000; // lets CreateFile open folders
    private const uint OpenExisting = 3;

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

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern SafeFileHandle CreateFileW(string fileName, uint desiredAccess, FileShare shareMode, IntPtr securityAttributes, uint creationDisposition, uint flagsAndAttributes, IntPtr templateFile);

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern uint GetFinalPathNameByHandleW(SafeFileHandle file, StringBuilder filePath, uint filePathLength, uint flags);
#endif
}
