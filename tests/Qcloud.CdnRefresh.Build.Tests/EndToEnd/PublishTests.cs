using System.IO;
using System.Linq;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit.Abstractions;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary><c>dotnet publish -p:CdnRefresh=true</c> of a real web project against the fake API with the default API (3.0): what a publish does whatever the flavour.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PublishTests : EndToEndTest
{
    private const string Purge = "PurgeUrlsCache";

    public PublishTests(PackageFixture fixture, ITestOutputHelper output)
        : base(fixture, output)
    {
    }

    [Fact]
    public void DocsIndexChanged_SendsTheFileAndItsDirectoryUrl()
    {
        var project = NewProject("v3-dirindex");
        AssertSucceeded(PublishV3(project));
        project.WriteFile("wwwroot/docs/index.html", "<h1>Docs, version 2</h1>\n");

        var result = PublishV3(project);

        AssertSucceeded(result);
        var purges = Refreshes(Purge);
        Assert.Equal(2, purges.Count);
        AssertAcceptedV3(purges[1]);
        AssertUrls(new[] { "https://www.example.com/docs/index.html", "https://www.example.com/docs/" }, purges[1].Urls);
    }

    [Fact]
    public void ApiErrorCode_FailsThePublishWithQcdn3001AndTheApiCode()
    {
        var project = NewProject("v3-apierror");
        Server.InjectFault(FaultRule.V3Error("ResourceNotFound.CdnHostNotExists", "The domain www.example.com does not exist in this account.").ForAction(Purge));

        var result = PublishV3(project);

        AssertFailed(result);
        AssertOutputContains(result, "error QCDN3001");
        AssertOutputContains(result, "ResourceNotFound.CdnHostNotExists");
        var purge = Assert.Single(Refreshes(Purge));
        Assert.True(purge.SignatureVerified);
        Assert.Equal("ResourceNotFound.CdnHostNotExists", purge.ApiCode);
    }

    [Fact]
    public void RefusedBatch_IsSentAgainByTheNextPublish()
    {
        var project = NewProject("v3-owed");
        Server.InjectFault(FaultRule.V3Error("ResourceNotFound.CdnHostNotExists", "The domain www.example.com does not exist in this account.").ForAction(Purge));
        AssertFailed(PublishV3(project));

        var result = PublishV3(project);

        AssertSucceeded(result);
        var purges = Refreshes(Purge);
        Assert.Equal(2, purges.Count);
        AssertAcceptedV3(purges[1]);
        AssertUrls(AllUrls, purges[1].Urls);
        AssertOutputContains(result, "6 owed");
    }

    [Fact]
    public void DryRun_SendsNoRequestAndNeedsNoCredentials()
    {
        var project = NewProject("v3-dryrun");

        // No TENCENTCLOUD_* variable at all: DotNetCli strips the machine's, and none is added.
        var result = Logged(project.Publish(RefreshArguments(Server.V3Endpoint, "-p:CdnRefreshDryRun=true"), null));

        AssertSucceeded(result);
        Assert.Empty(Server.Requests);
        AssertOutputContains(result, "dry run, nothing sent");
        foreach (var url in AllUrls)
        {
            AssertOutputLineEndsWith(result, "would refresh " + url);
        }

        Assert.DoesNotContain("QCDN1008", result.Output);
        Assert.False(File.Exists(project.ManifestPath), "a dry run wrote the manifest");
    }

    [Fact]
    public void CdnRefreshTargetAlone_AfterPlainPublish_SendsTheUrls()
    {
        var project = NewProject("v3-standalone");
        var outDir = Path.Combine(project.Directory, "out");
        var publish = Logged(project.Publish(new[] { "-o", outDir }, Credentials()));
        AssertSucceeded(publish);
        Assert.Empty(Server.Requests);
        Assert.True(File.Exists(Path.Combine(outDir, "wwwroot", "css", "site.css")));

        var result = Logged(project.MSBuild(
            RefreshArguments(Server.V3Endpoint, "-t:CdnRefresh", "-p:PublishDir=" + outDir + "/"),
            Credentials()));

        AssertSucceeded(result);
        var purge = Assert.Single(Refreshes(Purge));
        AssertAcceptedV3(purge);
        Assert.Equal("overseas", purge.Area);
        AssertUrls(AllUrls, purge.Urls);
        Assert.DoesNotContain(Server.Requests, r => !r.SignatureVerified);
        Assert.Equal(new[] { "DescribePurgeQuota", Purge }, Server.Requests.OrderBy(r => r.Sequence).Select(r => r.Action));
    }

    [Fact]
    public async System.Threading.Tasks.Task TwoCdnRefreshBuildsAtOnce_LeaveAValidManifest_AndSendEachUrlOnce()
    {
        var project = NewProject("v3-concurrent");
        var outDir = Path.Combine(project.Directory, "out");
        AssertSucceeded(Logged(project.Publish(new[] { "-o", outDir }, Credentials())));
        var arguments = RefreshArguments(Server.V3Endpoint, "-t:CdnRefresh", "-p:PublishDir=" + outDir + "/").ToList();

        var builds = await System.Threading.Tasks.Task.WhenAll(Enumerable.Range(0, 2)
            .Select(_ => System.Threading.Tasks.Task.Run(() => project.MSBuild(arguments, Credentials()))));

        foreach (var build in builds)
        {
            AssertSucceeded(Logged(build));
        }

        var sent = Refreshes(Purge).SelectMany(r => r.Urls).ToList();
        AssertUrls(AllUrls, sent);
        Assert.Equal(sent.Count, sent.Distinct(System.StringComparer.Ordinal).Count());
        var manifest = ManifestJson.Read(project.ManifestPath);
        Assert.Equal(BaseUrl, manifest.BaseUrl);
        Assert.Empty(manifest.PendingUrls);
    }
}
