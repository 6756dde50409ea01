using System;
using System.IO;

namespace Qcloud.CdnRefresh.Build.Tests;

/// <summary>The checkout the tests run from: the folder above the test assembly that holds the solution.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Qcloud.CdnRefresh.Build.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Qcloud.CdnRefresh.Build.sln above {AppContext.BaseDirectory}.");
    }
}
