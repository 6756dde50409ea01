using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// Packs the package once per test run into a local feed under a temporary root, next to a <c>nuget.config</c> that
/// knows only that feed and an isolated <c>NUGET_PACKAGES</c> folder, so the throwaway projects under the root restore
/// exactly this build and leave nothing in the machine's package cache. Deletes the root at the end.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public const string PackageId = "Qcloud.CdnRefresh.Build";

    private int _projectCounter;

    public PackageFixture()
    {
        RepositoryRoot = Tests.RepositoryRoot.Path;
        Root = Path.Combine(Path.GetTempPath(), "cdnrefresh-e2e-" + Guid.NewGuid().ToString("N")[..10]);
        Feed = Path.Combine(Root, "feed");
        PackagesFolder = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackagesFolder);
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        try
        {
            WriteIsolationFiles();
            Pack();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The folder holding <c>Qcloud.CdnRefresh.Build.sln</c>.</summary>
    public string RepositoryRoot { get; }

    /// <summary>Temporary root of this run: feed, packages, throwaway projects.</summary>
    public string Root { get; }

    public string Feed { get; }

    public string PackagesFolder { get; }

    /// <summary>The version packed for this run, e.g. <c>0.1.0-e2e.20260301080000-1a2b3c</c> (the hyphen keeps the label alphanumeric whatever the digits).</summary>
    public string Version { get; }

    /// <summary>The packed <c>.nupkg</c> in the feed.</summary>
    public string PackagePath => Path.Combine(Feed, $"{PackageId}.{Version}.nupkg");

    /// <summary>How long packing took, for the report.</summary>
    public TimeSpan PackTime { get; private set; }

    /// <summary>Variables every child that restores or builds a throwaway project gets.</summary>
    public IReadOnlyDictionary<string, string> RestoreEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
    };

    /// <summary>A new, empty folder for one throwaway project.</summary>
    public string NewProjectDirectory(string name)
    {
        var n = Interlocked.Increment(ref _projectCounter);
        var path = Path.Combine(Root, "projects", $"{n:D2}-{name}");
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        for (var attempt = 0; attempt < 3 && Directory.Exists(Root); attempt++)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(500);
            }
        }
    }

    /// <summary>Keeps the throwaway projects from picking up anything above the root (Directory.Build.*, NuGet sources).</summary>
    private void WriteIsolationFiles()
    {
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="e2e-feed" value="{Feed}" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{PackagesFolder}" />
              </config>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
        var globalJson = Path.Combine(RepositoryRoot, "global.json");
        if (File.Exists(globalJson))
        {
            File.Copy(globalJson, Path.Combine(Root, "global.json"));
        }
    }

    /// <summary>Packs into the feed; <c>--artifacts-path</c> keeps its bin and obj out of the repository's.</summary>
    private void Pack()
    {
        var project = Path.Combine(RepositoryRoot, "src", PackageId, PackageId + ".csproj");
        var result = DotNetCli.Run(RepositoryRoot, new[]
        {
            "pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version,
            "--artifacts-path", Path.Combine(Root, "pack-artifacts"), "-nodeReuse:false", "-tl:off",
        });
        PackTime = result.Elapsed;
        if (result.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"Packing failed; no {PackagePath}.\n{result}");
        }
    }
}
