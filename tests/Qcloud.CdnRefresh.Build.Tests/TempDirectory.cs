using System;
using System.IO;

namespace Qcloud.CdnRefresh.Build.Tests;

/// <summary>A fresh folder per test, deleted afterwards, with helpers to lay out files in it.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qcdn-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes a file at a <c>/</c>-separated path below this folder, creating its folders.</summary>
    public string Write(string relativePath, string content = "x") => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(content));

    public string Write(string relativePath, byte[] content)
    {
        var fullPath = FullPath(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        File.WriteAllBytes(fullPath, content);
        return fullPath;
    }

    public string Combine(params string[] parts) => System.IO.Path.Combine(Path, System.IO.Path.Combine(parts));

    public string CreateFolder(string relativePath) => Directory.CreateDirectory(FullPath(relativePath)).FullName;

    public string FullPath(string relativePath) =>
        System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public void Dispose()
    {
        try
        {
            DeleteWithoutFollowingLinks(new DirectoryInfo(Path));
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the test that made it.
        }
    }

    private static void DeleteWithoutFollowingLinks(DirectoryInfo folder)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo subfolder && (entry.Attributes & FileAttributes.ReparsePoint) == 0)
            {
                DeleteWithoutFollowingLinks(subfolder);
            }
            else
            {
                entry.Delete();
            }
        }

        folder.Delete();
    }
}
