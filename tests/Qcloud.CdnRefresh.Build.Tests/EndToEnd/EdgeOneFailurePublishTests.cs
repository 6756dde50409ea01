using System;
using Xunit;
using Xunit.Abstractions;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// What EdgeOne refuses, through a real <c>dotnet publish</c> of the packed package against the fake's EdgeOne: a target
/// in the <c>FailedList</c> fails the build and is the only one sent next time; a task reported failed while waiting
/// fails the build and its URL is owed.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EdgeOneFailurePublishTests : EndToEndTest
{
    private const string Purge = "CreatePurgeTask";
    private const string AppJs = "https://www.example.com/js/app.js";

    public EdgeOneFailurePublishTests(PackageFixture fixture, ITestOutputHelper output)
        : base(fixture, output)
    {
    }

    [Fact]
    public void AFailedListTarget_FailsThePublishWithQcdn3009_AndIsTheOnlyUrlTheNextPublishSends()
    {
        var project = NewProject("edgeone-failedlist");
        Server.RejectTargets("target is blocked", AppJs);

        var first = PublishEdgeOne(project);

        AssertFailed(first);
        Assert.Contains(
            first.Output.Split('\n'),
            line => line.Contains("error QCDN3009", StringComparison.Ordinal) && line.Contains(AppJs + " (target is blocked)", StringComparison.Ordinal));
        Assert.Equal(new[] { AppJs }, ManifestJson.Read(project.ManifestPath).PendingUrls);

        Server.AcceptAllTargets();
        var second = PublishEdgeOne(project);

        AssertSucceeded(second);
        var purges = Refreshes(Purge);
        Assert.Equal(2, purges.Count);
        Assert.Equal(new[] { AppJs }, purges[1].Urls);
        Assert.Empty(ManifestJson.Read(project.ManifestPath).PendingUrls);
    }

    [Fact]
    public void Wait_WithAFailedTask_FailsThePublishWithQcdn3008_AndTheUrlIsOwed()
    {
        var project = NewProject("edgeone-wait-fail");
        Server.FailUrls(AppJs);

        var result = PublishEdgeOne(project, "-p:CdnRefreshWait=true");

        AssertFailed(result);
        Assert.Contains(
            result.Output.Split('\n'),
            line => line.Contains("error QCDN3008", StringComparison.Ordinal) && line.Contains(AppJs, StringComparison.Ordinal));
        Assert.Single(Refreshes(Purge));
        Assert.NotEmpty(Refreshes("DescribePurgeTasks"));
        Assert.Equal(new[] { AppJs }, ManifestJson.Read(project.ManifestPath).PendingUrls);
    }
}
