using System.Linq;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// The over-quota and wait knobs through a real <c>dotnet publish</c> of the packed package against the fake API 3.0:
/// <c>CdnRefreshOverQuota=directory</c> and <c>CdnRefreshWait=true</c> (the wait timeout is covered by
/// <c>WaitTaskTests</c>, where delays are instant).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class OverQuotaAndWaitPublishTests : EndToEndTest
{
    private const string Purge = "PurgeUrlsCache";
    private const string PathPurge = "PurgePathCache";
    private const string Status = "DescribePurgeTasks";

    public OverQuotaAndWaitPublishTests(PackageFixture fixture, ITestOutputHelper output)
        : base(fixture, output)
    {
    }

    [Fact]
    public void OverQuotaDirectory_WithDailyQuota2_PublishesPurgePathCache_AndPrintsWhichDirectoryCoversHowManyUrls()
    {
        var project = NewProject("overquota-directory");

        var result = PublishV3(project, "-p:CdnRefreshOverQuota=directory", "-p:CdnRefreshDailyQuota=2");

        AssertSucceeded(result);
        Assert.Empty(Refreshes(Purge));
        var purge = Assert.Single(Refreshes(PathPurge));
        AssertAcceptedV3(purge);
        Assert.Equal("overseas", purge.Area);
        using (var body = JsonDocument.Parse(purge.BodyText))
        {
            Assert.Equal("flush", body.RootElement.GetProperty("FlushType").GetString());
        }

        // The root index.html changed, so its folder, the base URL, covers every URL of the site.
        Assert.Equal(new[] { BaseUrl }, purge.Paths);
        AssertOutputLineEndsWith(result, BaseUrl + " covers 6 URLs");
        AssertOutputContains(result, "CdnRefreshOverQuota=directory refreshes 1 directory instead");
    }

    [Fact]
    public void Wait_PollsDescribePurgeTasksAfterThePurge_UntilDone_AndExitsZero()
    {
        var project = NewProject("overquota-wait");
        Server.SetTaskQueriesUntilDone(1);

        var result = PublishV3(project, "-p:CdnRefreshWait=true");

        AssertSucceeded(result);
        var purge = Assert.Single(Refreshes(Purge));
        AssertAcceptedV3(purge);
        var polls = Refreshes(Status);
        Assert.Equal(2, polls.Count);
        Assert.All(polls, p => Assert.True(p.Sequence > purge.Sequence));
        Assert.All(polls, p => Assert.Contains(purge.TaskId!, p.BodyText));
        Assert.DoesNotContain("QCDN3102", result.Output);
        Assert.DoesNotContain("QCDN3008", result.Output);
    }

    [Fact]
    public void Wait_WithAFailedRefresh_FailsThePublishWithQcdn3008NamingTheUrl()
    {
        var project = NewProject("overquota-wait-fail");
        Server.FailUrls("https://www.example.com/js/app.js");

        var result = PublishV3(project, "-p:CdnRefreshWait=true");

        AssertFailed(result);
        AssertOutputContains(result, "error QCDN3008");
        Assert.Contains(
            result.Output.Split('\n'),
            line => line.Contains("error QCDN3008", System.StringComparison.Ordinal) && line.Contains("https://www.example.com/js/app.js", System.StringComparison.Ordinal));
        Assert.Single(Refreshes(Purge));
        Assert.NotEmpty(Refreshes(Status));
    }
}
