using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// A tiny ASP.NET Core site in its own folder under the fixture's root, referencing the packed package:
/// <c>Site.csproj</c>, <c>Program.cs</c>, and <c>wwwroot</c> with <c>index.html</c>, <c>css/site.css</c>,
/// <c>docs/index.html</c> and <c>js/app.js</c>. Restored once, then published as often as a scenario needs.
/// </summary>
public sealed class ThrowawayWebProject
{
    public const string ProjectName = "Site";

    /// <summary>The files of <c>wwwroot</c>, relative to it.</summary>
    public static readonly IReadOnlyList<string> ContentFiles = new[] { "index.html", "css/site.css", "docs/index.html", "js/app.js" };

    private readonly PackageFixture _fixture;

    private ThrowawayWebProject(PackageFixture fixture, string directory)
    {
        _fixture = fixture;
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>Where <c>dotnet publish -c Release</c> puts the output.</summary>
    public string DefaultPublishDir => Path.Combine(Directory, "bin", "Release", "net10.0", "publish");

    /// <summary>The default <c>CdnRefreshManifest</c>.</summary>
    public string ManifestPath => Path.Combine(Directory, "obj", "cdn-refresh", ProjectName + ".manifest.json");

    /// <summary>Writes the project and restores it; throws with the output when the restore fails.</summary>
    public static ThrowawayWebProject CreateAndRestore(PackageFixture fixture, string name)
    {
        var project = new ThrowawayWebProject(fixture, fixture.NewProjectDirectory(name));
        project.WriteFile(ProjectName + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageFixture.PackageId}" Version="{fixture.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        project.WriteFile("Program.cs", """
            using Microsoft.AspNetCore.Builder;

            var app = WebApplication.Create(args);
            app.UseStaticFiles();
            app.Run();
            """);
        foreach (var file in ContentFiles)
        {
            project.WriteFile("wwwroot/" + file, $"<!-- {file}, version 1 -->\n");
        }

        var restore = project.Run(new[] { "restore", "-nodeReuse:false", "-tl:off" }, null);
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException("Restore of the throwaway project failed.\n" + restore);
        }

        return project;
    }

    /// <summary>Writes (or overwrites) a file, path relative to the project folder with <c>/</c>.</summary>
    public void WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath.Replace('/', Path.DirectorySeparatorChar));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary><c>dotnet publish --no-restore -c Release</c> with these extra arguments and variables.</summary>
    public DotNetResult Publish(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment) =>
        Run(new[] { "publish", "--no-restore", "-c", "Release", "-nodeReuse:false", "-tl:off" }.Concat(arguments).ToList(), environment);

    /// <summary><c>dotnet msbuild</c> with these arguments and variables.</summary>
    public DotNetResult MSBuild(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment) =>
        Run(new[] { "msbuild", "-nodeReuse:false", "-tl:off" }.Concat(arguments).ToList(), environment);

    private DotNetResult Run(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var merged = new Dictionary<string, string>(_fixture.RestoreEnvironment);
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            merged[pair.Key] = pair.Value;
        }

        return DotNetCli.Run(Directory, arguments, merged);
    }
}
