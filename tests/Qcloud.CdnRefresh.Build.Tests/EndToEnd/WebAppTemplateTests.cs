using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// <c>dotnet new webapp</c> (Razor Pages): publish, change <c>wwwroot/css/site.css</c> and <c>Pages/Index.cshtml</c>,
/// publish again. The page is compiled into the app's assembly, outside the content root, so only the stylesheet's
/// URL changes; its fingerprinted route (<c>css/site.&lt;hash&gt;.css</c>) is an endpoint, not a file, and is never
/// refreshed.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class WebAppTemplateTests
{
    private readonly PackageFixture _fixture;

    public WebAppTemplateTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    private Task<TemplateScenario> Scenario() => TemplateScenario.RunAsync(
        _fixture,
        "webapp",
        new string[0],
        project: "",
        new Dictionary<string, string>
        {
            ["wwwroot/css/site.css"] = "\n.changed { color: red; }\n",
            ["Pages/Index.cshtml"] = "\n<p>A change to the home page.</p>\n",
        });

    [Fact]
    public async Task TheRedeploy_RefreshesExactlyTheChangedStylesheet()
    {
        var scenario = await Scenario();

        Assert.True(scenario.Second.ExitCode == 0, scenario.Second.ToString());
        Assert.Equal(new[] { "https://www.example.com/css/site.css" }, scenario.SecondUrls);
    }

    [Fact]
    public async Task TheFirstPublish_RefreshesTheStaticFilesByTheirPlainNames()
    {
        var scenario = await Scenario();

        Assert.True(scenario.First.ExitCode == 0, scenario.First.ToString());
        Assert.Contains("https://www.example.com/css/site.css", scenario.FirstUrls);
        Assert.Contains("https://www.example.com/js/site.js", scenario.FirstUrls);
    }
}
