using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// <c>dotnet new blazor --interactivity WebAssembly</c> (a Blazor Web App with a client project): publish the server
/// project, change <c>Web/wwwroot/app.css</c> and the client's <c>Pages/Counter.razor</c>, publish again. The client
/// page rebuilds the client assembly, whose fingerprinted <c>_framework/</c> files are served as immutable and left
/// alone, old and new. <c>_framework/dotnet.js</c> lists them; it keeps its plain name (<c>blazor.web.js</c> loads
/// it) and is served with <c>no-cache</c>, so it is refreshed with the stylesheet. The pages are rendered by the
/// server: no HTML file of the web root changes.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BlazorWebAppTemplateTests
{
    private readonly PackageFixture _fixture;

    public BlazorWebAppTemplateTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    private Task<TemplateScenario> Scenario() => TemplateScenario.RunAsync(
        _fixture,
        "blazor",
        new[] { "--interactivity", "WebAssembly" },
        project: TemplateScenario.ProjectName,
        new Dictionary<string, string>
        {
            ["Web/wwwroot/app.css"] = "\n.changed { color: red; }\n",
            ["Web.Client/Pages/Counter.razor"] = "\n<p>A change to the counter page.</p>\n",
        });

    [Fact]
    public async Task TheRedeploy_RefreshesExactlyTheChangedStylesheet()
    {
        var scenario = await Scenario();

        Assert.True(scenario.Second.ExitCode == 0, scenario.Second.ToString());
        Assert.Equal(new[] { "https://www.example.com/_framework/dotnet.js", "https://www.example.com/app.css" }, scenario.SecondUrls.OrderBy(u => u, System.StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheOnlyFrameworkUrlsRefreshed_AreThePlainNamedScripts()
    {
        var scenario = await Scenario();

        Assert.True(scenario.First.ExitCode == 0, scenario.First.ToString());
        Assert.Equal(
            new[]
            {
                "https://www.example.com/_framework/blazor.server.js",
                "https://www.example.com/_framework/blazor.web.js",
                "https://www.example.com/_framework/blazor.webassembly.js",
                "https://www.example.com/_framework/dotnet.js",
            },
            scenario.FirstUrls.Concat(scenario.SecondUrls).Where(url => url.Contains("/_framework/")).Distinct().OrderBy(u => u, System.StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheRedeploy_LeavesTheOldClientAssemblyAlone()
    {
        var scenario = await Scenario();

        Assert.Contains(", 3 immutable left alone, 2 URLs in 1 batch", scenario.SecondSummary);
        Assert.Equal(3, scenario.SecondLeftAlone.Count);
        Assert.All(scenario.SecondLeftAlone, path => Assert.Matches(@"^_framework/Web\.Client\.[a-z0-9]+\.wasm(\.br|\.gz)?$", path));
    }
}
