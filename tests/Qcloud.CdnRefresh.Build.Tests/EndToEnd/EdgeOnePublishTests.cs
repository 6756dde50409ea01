using System.Linq;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;
using Xunit.Abstractions;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// <c>CdnRefreshApi=edgeone</c> through a real <c>dotnet publish</c> of the packed package against the fake's EdgeOne:
/// a first publish purges every URL of the site in the zone, a publish after three files changed purges exactly
/// theirs.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EdgeOnePublishTests : EndToEndTest
{
    private const string Purge = "CreatePurgeTask";
    private const string Zone = FakeTencentApiOptions.DefaultZoneId;

    public EdgeOnePublishTests(PackageFixture fixture, ITestOutputHelper output)
        : base(fixture, output)
    {
    }

    [Fact]
    public void FirstPublishThenThreeFilesChange_PurgesEveryUrlThenExactlyTheChangedOnes()
    {
        var project = NewProject("edgeone");

        var first = PublishEdgeOne(project);

        AssertSucceeded(first);
        AssertOutputContains(first, "(no baseline), 6 URLs in 1 batch to CreatePurgeTask (" + Zone + ")");
        var firstPurge = Assert.Single(Refreshes(Purge));
        AssertAcceptedV3(firstPurge);
        AssertUrls(AllUrls, firstPurge.Urls);

        project.WriteFile("wwwroot/css/site.css", "body { color: red; }\n");
        project.WriteFile("wwwroot/js/app.js", "console.log('v2');\n");
        project.WriteFile("wwwroot/docs/index.html", "<!-- docs, version 2 -->\n");
        var second = PublishEdgeOne(project);

        AssertSucceeded(second);
        var purges = Refreshes(Purge);
        Assert.Equal(2, purges.Count);
        AssertAcceptedV3(purges[1]);

        // docs/index.html also refreshes its folder's URL, docs/.
        AssertUrls(
            new[] { "https://www.example.com/css/site.css", "https://www.example.com/js/app.js", "https://www.example.com/docs/index.html", "https://www.example.com/docs/" },
            purges[1].Urls);
        AssertOutputContains(second, ": 4 accepted, 0 pending");
        Assert.All(Server.Requests, r => Assert.Equal(ApiProtocol.EdgeOne, r.Protocol));
        Assert.Equal(10, Server.UrlsAccepted(Zone));
    }
}
