using System;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;

namespace Qcloud.CdnRefresh.Build.Tests;

/// <summary>Creates symbolic links on every runtime the tests run on (.NET Framework has no API for them).</summary>
internal static class FileLinks
{
    public static void ToFile(string linkPath, string target) => Create(linkPath, target, isFolder: false);

    public static void ToFolder(string linkPath, string target) => Create(linkPath, target, isFolder: true);

    private static void Create(string linkPath, string target, bool isFolder)
    {
#if NETFRAMEWORK
        var created = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? CreateSymbolicLinkW(linkPath, target, (isFolder ? SymbolicLinkFlagDirectory : 0) | SymbolicLinkFlagAllowUnprivilegedCreate)
            : symlink(target, linkPath) == 0;
        if (!created)
        {
            throw new IOException($"Cannot link '{linkPath}' to '{target}'.", new Win32Exception(Marshal.GetLastWin32Error()));
        }
#else
        _ = isFolder ? Directory.CreateSymbolicLink(linkPath, target) : File.CreateSymbolicLink(linkPath, target);
#endif
    }

#if NETFRAMEWORK
    private const int SymbolicLinkFlagDirectory = 1;
    private const int SymbolicLinkFlagAllowUnprivilegedCreate = 2;

    [DllImport("libc", SetLastError = true)]
    private static extern int symlink(string target, string linkPath);

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.I1)]
    private static extern bool CreateSymbolicLinkW(string linkPath, string target, int flags);
#endif
}
