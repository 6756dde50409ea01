using System;
using System.IO;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>Finds the checkout the benchmark was built from, for the sample project.</summary>
internal static class RepositoryRoot
{
    private const string Marker = "Qcloud.CdnRefresh.Build.sln";

    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, Marker)))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Cannot find {Marker} above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}.");
    }
}
