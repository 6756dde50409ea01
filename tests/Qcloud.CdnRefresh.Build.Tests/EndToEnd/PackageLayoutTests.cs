using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
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
    public void Package_HoldsTheBuildFilesTheNet8AndNet472TaskAssembliesTheReadmeAndTheIcon_Only()
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
                "icon.png",
                "tasks/net472/Qcloud.CdnRefresh.Build.dll",
                "tasks/net8.0/Qcloud.CdnRefresh.Build.dll",
            },
            files);
    }

    [Fact]
    public void Package_Metadata_NamesTheProjectTheRepositoryTheIconAndTheChangelog()
    {
        using var package = ZipFile.OpenRead(Fixture.PackagePath);
        using var nuspec = package.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(element => element.Name.LocalName == name).Value;
        var repository = metadata.Elements().Single(element => element.Name.LocalName == "repository");

        Assert.Equal("https://github.com/qcloud-cdnrefresh/Qcloud.CdnRefresh.Build", Value("projectUrl"));
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal("https://github.com/qcloud-cdnrefresh/Qcloud.CdnRefresh.Build.git", repository.Attribute("url")?.Value);
        Assert.Equal("icon.png", Value("icon"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("What each version holds: https://github.com/qcloud-cdnrefresh/Qcloud.CdnRefresh.Build/blob/main/CHANGELOG.md", Value("releaseNotes"));
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
