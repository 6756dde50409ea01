using System;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// <c>CdnRefreshBaseUrl</c> with two base URLs through a real <c>dotnet publish</c> of the packed package: every URL
/// under each, the exact set after a change, batches within the limit, a base URL added later; and README's recipe of
/// a second task call for an EdgeOne site beside the CDN domain.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SeveralBaseUrlsPublishTests : EndToEndTest
{
    private const string App = "https://cdn.example.com/app/";

    /// <summary>What a first refresh of the throwaway site sends under <see cref="App"/>.</summary>
    private static readonly string[] AppUrls =
    {
        "https://cdn.example.com/app/",
        "https://cdn.example.com/app/css/site.css",
        "https://cdn.example.com/app/docs/",
        "https://cdn.example.com/app/docs/index.html",
        "https://cdn.example.com/app/index.html",
        "https://cdn.example.com/app/js/app.js",
    };

    public SeveralBaseUrlsPublishTests(PackageFixture fixture, ITestOutputHelper output)
        : base(fixture, output)
    {
    }

    [Theory]
    [InlineData("v3", "PurgeUrlsCache")]
    [InlineData("edgeone", "CreatePurgeTask")]
    public void FirstPublishThenAChange_RefreshesEveryUrlUnderEachBaseUrl_ThenExactlyTheChangedOnes(string api, string action)
    {
        var project = NewProject("bases-" + api);

        var first = Publish(project, api, BothBaseUrls);

        AssertSucceeded(first);
        AssertOutputContains(first, "(no baseline), 12 URLs under 2 base URLs in 1 batch to " + action);
        var firstRefresh = Assert.Single(Refreshes(action));
        AssertAcceptedV3(firstRefresh);
        AssertUrls(AllUrls.Concat(AppUrls), firstRefresh.Urls);
        Assert.Equal(new[] { App, BaseUrl }, ManifestJson.Read(project.ManifestPath).BaseUrls);

        project.WriteFile("wwwroot/css/site.css", "body { color: red; }\n");
        var second = Publish(project, api, BothBaseUrls);

        AssertSucceeded(second);
        var refreshes = Refreshes(action);
        Assert.Equal(2, refreshes.Count);
        AssertAcceptedV3(refreshes[1]);
        AssertUrls(new[] { "https://cdn.example.com/app/css/site.css", "https://www.example.com/css/site.css" }, refreshes[1].Urls);
        AssertOutputContains(second, "2 URLs under 2 base URLs in 1 batch");
    }

    [Theory]
    [InlineData("v3", "PurgeUrlsCache")]
    [InlineData("edgeone", "CreatePurgeTask")]
    public void ABatchSizeBelowTheUrlCount_KeepsEveryRequestWithinIt(string api, string action)
    {
        var project = NewProject("bases-batches-" + api);

        var result = Publish(project, api, BothBaseUrls, "-p:CdnRefreshBatchSize=5");

        AssertSucceeded(result);
        var refreshes = Refreshes(action);
        Assert.Equal(new[] { 5, 5, 2 }, refreshes.Select(r => r.Urls.Count));
        Assert.All(refreshes, AssertAcceptedV3);
        AssertUrls(AllUrls.Concat(AppUrls), refreshes.SelectMany(r => r.Urls));
        AssertOutputContains(result, "12 URLs under 2 base URLs in 3 batches");
    }

    [Fact]
    public void ABaseUrlAddedLater_GetsEveryFile_WhileTheOtherGetsOnlyTheChange()
    {
        var project = NewProject("bases-added");
        AssertSucceeded(Publish(project, "v3", BaseUrl));

        project.WriteFile("wwwroot/js/app.js", "console.log('v2');\n");
        var second = Publish(project, "v3", BothBaseUrls);

        AssertSucceeded(second);
        var refreshes = Refreshes("PurgeUrlsCache");
        Assert.Equal(2, refreshes.Count);
        AssertUrls(AppUrls.Append("https://www.example.com/js/app.js"), refreshes[1].Urls);
        AssertOutputContains(second, "7 URLs under 2 base URLs in 1 batch");
    }

    [Fact]
    public void ReadmesSecondTaskCallForAnEdgeOneSite_RefreshesItWithItsOwnManifest_BesideTheCdnDomain()
    {
        var project = NewProject("bases-two-targets");
        var edgeOneManifest = Path.Combine(project.Directory, "obj", "cdn-refresh", "edgeone.manifest.json");
        project.WriteFile(ThrowawayWebProject.ProjectName + ".csproj", File.ReadAllText(Path.Combine(project.Directory, ThrowawayWebProject.ProjectName + ".csproj"))
            .Replace("</Project>", ReadmeRecipe() + "\n</Project>"));

        var first = Logged(project.Publish(RefreshArguments(Server.V3Endpoint), Credentials()));

        AssertSucceeded(first);
        AssertUrls(AllUrls, Assert.Single(Refreshes("PurgeUrlsCache")).Urls);
        AssertUrls(AllUrls.Select(url => url.Replace(BaseUrl, "https://global.example.com/")), Assert.Single(Refreshes("CreatePurgeTask")).Urls);
        Assert.Equal(new[] { "https://global.example.com/" }, ManifestJson.Read(edgeOneManifest).BaseUrls);
        Assert.Equal(new[] { BaseUrl }, ManifestJson.Read(project.ManifestPath).BaseUrls);

        project.WriteFile("wwwroot/index.html", "<!-- index.html, version 2 -->\n");
        var second = Logged(project.Publish(RefreshArguments(Server.V3Endpoint), Credentials()));

        AssertSucceeded(second);
        AssertUrls(new[] { "https://www.example.com/", "https://www.example.com/index.html" }, Refreshes("PurgeUrlsCache")[1].Urls);
        AssertUrls(new[] { "https://global.example.com/", "https://global.example.com/index.html" }, Refreshes("CreatePurgeTask")[1].Urls);
    }

    private static string BothBaseUrls => BaseUrl + "%3B" + App;

    /// <summary>A publish with <paramref name="baseUrls"/> (<c>;</c> written <c>%3B</c>, as on a command line) through <paramref name="api"/>.</summary>
    private DotNetResult Publish(ThrowawayWebProject project, string api, string baseUrls, params string[] extra)
    {
        var arguments = extra.Append("-p:CdnRefreshBaseUrl=" + baseUrls).ToArray();
        return api == "edgeone" ? PublishEdgeOne(project, arguments) : PublishV3(project, arguments);
    }

    /// <summary>README's target for a second task call, pointed at the fake's zone and EdgeOne endpoint.</summary>
    private string ReadmeRecipe()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")).Replace("\r\n", "\n");
        var start = readme.IndexOf("<Target Name=\"CdnRefreshEdgeOne\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no CdnRefreshEdgeOne target.");
        var end = readme.IndexOf("</Target>", start, StringComparison.Ordinal) + "</Target>".Length;
        return readme.Substring(start, end - start)
            .Replace("zone-2noz78a8ev6k", Server.Options.ZoneId)
            .Replace("Api=\"edgeone\"", $"Api=\"edgeone\" Endpoint=\"{Server.EdgeOneEndpoint}\"");
    }
}
