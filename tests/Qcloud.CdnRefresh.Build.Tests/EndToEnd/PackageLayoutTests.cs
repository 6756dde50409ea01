using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>What the packed package holds, and which of its task assemblies the .props hand to the dotnet CLI's MSBuild.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackageLayoutTests : EndToEndTest
{
    public PackageLayoutTests(PackageFixture fixture, ITestOutputHelper output)
        : base(fixture, output)
    {
    }

    [Fact]
    public void Package_HoldsTheBuildFilesAndTheNet8AndNet472TaskAssemblies_Only()
    {
        using var package = ZipFile.OpenRead(Fixture.PackagePath);

        // NuGet's own bookkeeping ([Content_Types].xml, _rels/, package/, the .nuspec) aside.
        var files = package.Entries
            .Select(entry => entry.FullName)
            .Where(name => name != "[Content_Types].xml" && !name.StartsWith("_rels/", StringComparison.Ordinal)
                && !name.StartsWith("package/", StringComparison.Ordinal) && !name.EndsWith(".nuspec", StringComparison.Ordinal))
            .OrderBy(name => name, StringComparer.Ordinal);

        Assert.Equal(
            new[]
            {
                "README.md",
                "build/Qcloud.CdnRefresh.Build.props",
                "build/Qcloud.CdnRefresh.Build.targets",
                "tasks/net472/Qcloud.CdnRefresh.Build.dll",
                "tasks/net8.0/Qcloud.CdnRefresh.Build.dll",
            },
            files);
    }

    [Fact]
    public void DotnetMSBuild_LoadsTheNet8TaskAssembly()
    {
        var project = NewProject("task-assembly-pick");

        var result = Logged(project.MSBuild(new[] { "-getProperty:CdnRefreshTaskAssembly" }, null));

        AssertSucceeded(result);
        var expected = Path.Combine(
            Fixture.PackagesFolder, PackageFixture.PackageId.ToLowerInvariant(), Fixture.Version.ToLowerInvariant(), "tasks", "net8.0", "Qcloud.CdnRefresh.Build.dll");
        Assert.Equal(expected, Path.GetFullPath(result.Output.Trim()));
    }
}
