using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// <c>dotnet new blazorwasm</c>: publish, change <c>Pages/Home.razor</c>, publish again. The change rebuilds the app's
/// assembly, so new fingerprinted <c>_framework/</c> files replace old ones, and <c>index.html</c>, which names them,
/// changes; only <c>index.html</c> (and the base URL, its directory index) is served without <c>immutable</c>.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BlazorWasmTemplateTests
{
    private readonly PackageFixture _fixture;

    public BlazorWasmTemplateTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    private Task<TemplateScenario> Scenario() => TemplateScenario.RunAsync(
        _fixture,
        "blazorwasm",
        new string[0],
        project: "",
        new Dictionary<string, string> { ["Pages/Home.razor"] = "\n<p>A change to the home page.</p>\n" });

    [Fact]
    public async Task TheRedeploy_RefreshesExactlyIndexHtmlAndTheBaseUrl()
    {
        var scenario = await Scenario();

        Assert.True(scenario.Second.ExitCode == 0, scenario.Second.ToString());
        Assert.Equal(new[] { "https://www.example.com/", "https://www.example.com/index.html" }, scenario.SecondUrls.OrderBy(u => u, System.StringComparer.Ordinal));
    }

    [Fact]
    public async Task NeitherPublish_RefreshesAFrameworkUrl()
    {
        var scenario = await Scenario();

        Assert.True(scenario.First.ExitCode == 0, scenario.First.ToString());
        Assert.NotEmpty(scenario.FirstUrls);
        Assert.DoesNotContain(scenario.FirstUrls.Concat(scenario.SecondUrls), url => url.Contains("/_framework/"));
    }

    [Fact]
    public async Task TheRedeploy_LeavesTheOldAppAssemblyAndDotnetJsAlone()
    {
        var scenario = await Scenario();

        Assert.Contains("(3 modified, 6 deleted, 6 added), 6 immutable left alone, 2 URLs in 1 batch", scenario.SecondSummary);
        Assert.Equal(6, scenario.SecondLeftAlone.Count);
        Assert.All(scenario.SecondLeftAlone, path => Assert.Matches(@"^_framework/(Web|dotnet)\.[a-z0-9]+\.(wasm|js)(\.br|\.gz)?$", path));
    }
}
