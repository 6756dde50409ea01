using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// A redeploy of a project made by a real <c>dotnet new</c> template: created and restored once (the package from the
/// local feed, the template's own packages from NuGet), published with the refresh on against a fake API 3.0, changed,
/// and published again into a fresh publish folder. Run once per template and test run, then shared by that template's tests, each of which
/// checks one behaviour of the recorded outcome.
/// </summary>
public sealed class TemplateScenario
{
    /// <summary>The name given to <c>dotnet new</c>: the published project is <c>Web.csproj</c>.</summary>
    public const string ProjectName = "Web";

    private const string Purge = "PurgeUrlsCache";

    private const string LeftAlonePrefix = "CdnRefresh: Immutable, left alone: ";

    /// <summary>A template publish compresses the whole web root, and a WebAssembly one links the runtime: slower than the tiny site.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);

    private static readonly ConcurrentDictionary<string, Lazy<Task<TemplateScenario>>> Runs = new();

    private TemplateScenario(string projectDirectory, DotNetResult first, DotNetResult second, IReadOnlyList<string> firstUrls, IReadOnlyList<string> secondUrls)
    {
        ProjectDirectory = projectDirectory;
        First = first;
        Second = second;
        FirstUrls = firstUrls;
        SecondUrls = secondUrls;
    }

    /// <summary>The folder of the project that was published (the server project of a Blazor Web App).</summary>
    public string ProjectDirectory { get; }

    public DotNetResult First { get; }

    public DotNetResult Second { get; }

    /// <summary>Every URL the first publish (no baseline) sent.</summary>
    public IReadOnlyList<string> FirstUrls { get; }

    /// <summary>Every URL the second publish (after the change) sent.</summary>
    public IReadOnlyList<string> SecondUrls { get; }

    /// <summary>The files the second publish listed as immutable and left alone (<c>-v:detailed</c>), in order.</summary>
    public IReadOnlyList<string> SecondLeftAlone =>
        Second.Output.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Contains(LeftAlonePrefix, StringComparison.Ordinal))
            .Select(line => line.Substring(line.IndexOf(LeftAlonePrefix, StringComparison.Ordinal) + LeftAlonePrefix.Length))
            .ToList();

    /// <summary>The summary line of the second publish, from the file counts on.</summary>
    public string SecondSummary =>
        Second.Output.Split('\n').Select(line => line.Trim()).Distinct().Single(line => line.StartsWith("CdnRefresh: ", StringComparison.Ordinal) && line.Contains(" batch", StringComparison.Ordinal));

    /// <summary>The default manifest of the published project.</summary>
    public string ManifestPath => Path.Combine(ProjectDirectory, "obj", "cdn-refresh", ProjectName + ".manifest.json");

    /// <summary>
    /// <c>dotnet new <paramref name="template"/> -n Web</c> with <paramref name="options"/>; the package goes into the
    /// project in the folder <paramref name="project"/> (relative to the output folder, empty for the output folder
    /// itself), which is published; <paramref name="change"/> edits files between the publishes (paths relative to the
    /// output folder, text appended).
    /// </summary>
    public static Task<TemplateScenario> RunAsync(PackageFixture fixture, string template, string[] options, string project, IReadOnlyDictionary<string, string> change) =>
        Runs.GetOrAdd(fixture.Root + "|" + template, _ => new Lazy<Task<TemplateScenario>>(() => CreateAndRunAsync(fixture, template, options, project, change))).Value;

    private static async Task<TemplateScenario> CreateAndRunAsync(
        PackageFixture fixture, string template, string[] options, string project, IReadOnlyDictionary<string, string> change)
    {
        var root = TemplatesRoot(fixture);
        var output = Path.Combine(root, template);
        Require(DotNetCli.Run(root, new[] { "new", template, "-n", ProjectName, "-o", output, "--no-restore", "--no-update-check" }.Concat(options).ToList(), fixture.RestoreEnvironment));
        var projectDirectory = Path.GetFullPath(Path.Combine(output, project));
        var projectFile = Path.Combine(projectDirectory, ProjectName + ".csproj");
        var xml = File.ReadAllText(projectFile);
        var cut = xml.LastIndexOf("</Project>", StringComparison.Ordinal);
        File.WriteAllText(projectFile, xml.Substring(0, cut) + $"""
              <ItemGroup>
                <PackageReference Include="{PackageFixture.PackageId}" Version="{fixture.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        Require(DotNetCli.Run(projectDirectory, new[] { "restore", "-nodeReuse:false", "-tl:off" }, fixture.RestoreEnvironment, PublishTimeout));

        await using var server = await FakeTencentApiServer.StartAsync(new FakeTencentApiOptions());
        var environment = new Dictionary<string, string>(fixture.RestoreEnvironment)
        {
            ["TENCENTCLOUD_SECRET_ID"] = server.Options.SecretId,
            ["TENCENTCLOUD_SECRET_KEY"] = server.Options.SecretKey,
        };
        var publish = new[]
        {
            "publish", "--no-restore", "-c", "Release", "-nodeReuse:false", "-tl:off", "-v:detailed",
            "-p:CdnRefresh=true", "-p:CdnRefreshBaseUrl=https://www.example.com/", "-p:CdnRefreshEndpoint=" + server.V3Endpoint,
        };
        var first = DotNetCli.Run(projectDirectory, publish, environment, PublishTimeout);
        var firstUrls = UrlsSent(server);
        foreach (var (path, text) in change)
        {
            File.AppendAllText(Path.Combine(output, path), text);
        }

        // A CI job publishes into a fresh folder: the old fingerprinted files are gone, not left beside the new ones.
        Directory.Delete(Path.Combine(projectDirectory, "bin", "Release", "net10.0", "publish"), recursive: true);

        var second = DotNetCli.Run(projectDirectory, publish, environment, PublishTimeout);
        var secondUrls = UrlsSent(server).Skip(firstUrls.Count).ToList();
        return new TemplateScenario(projectDirectory, first, second, firstUrls, secondUrls);
    }

    private static List<string> UrlsSent(FakeTencentApiServer server) =>
        server.Requests.Where(r => r.Action == Purge).OrderBy(r => r.Sequence).SelectMany(r => r.Urls).ToList();

    /// <summary>
    /// The templates' folder under the fixture's root, with its own NuGet sources: the local feed for the package, and
    /// NuGet for the template's packages (read from this machine's package folder when it has them).
    /// </summary>
    private static string TemplatesRoot(PackageFixture fixture)
    {
        var root = Directory.CreateDirectory(Path.Combine(fixture.Root, "templates")).FullName;
        var machinePackages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var fallback = Directory.Exists(machinePackages)
            ? $"""<fallbackPackageFolders><add key="machine" value="{machinePackages}" /></fallbackPackageFolders>"""
            : string.Empty;
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="e2e-feed" value="{fixture.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              {fallback}
            </configuration>
            """);
        return root;
    }

    private static void Require(DotNetResult result)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("A template step failed.\n" + result);
        }
    }
}
