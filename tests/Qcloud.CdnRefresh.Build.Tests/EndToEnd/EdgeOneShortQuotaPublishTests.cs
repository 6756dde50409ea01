using System.IO;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;
using Xunit.Abstractions;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// A zone whose purge quota for today (<c>DescribeContentQuota</c>) is shorter than the site: a real
/// <c>dotnet publish</c> sends nothing and fails with QCDN3007, and leaves no manifest, so the next run still finds
/// every change.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EdgeOneShortQuotaPublishTests : EndToEndTest
{
    public EdgeOneShortQuotaPublishTests(PackageFixture fixture, ITestOutputHelper output)
        : base(fixture, output)
    {
    }

    protected override FakeTencentApiOptions ServerOptions => new() { DailyQuota = 4 };

    [Fact]
    public void AShortQuota_FailsThePublishWithQcdn3007_SendsNoPurge_AndWritesNoManifest()
    {
        var project = NewProject("edgeone-short-quota");

        var result = PublishEdgeOne(project);

        AssertFailed(result);
        AssertOutputContains(result, "error QCDN3007");
        Assert.Empty(Refreshes("CreatePurgeTask"));
        Assert.Single(Refreshes("DescribeContentQuota"));
        Assert.False(File.Exists(project.ManifestPath));
    }
}
