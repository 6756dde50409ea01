using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ApiOverHttp;

/// <summary>A fake that answers at most 20 entries a page, whatever Limit the client asks for.</summary>
public class PurgeTasksPagingOverHttpTests : OverHttpTestBase
{
    protected override FakeTencentApiOptions ServerOptions => new() { PurgeTasksPageCap = 20 };

    [Fact]
    public async Task TaskOf45Urls_IsReadInThreePages_AtOffsets0_20_40()
    {
        var client = V3();
        var outcome = await client.SubmitAsync(RefreshTarget.Urls, Urls(45), CancellationToken.None);

        var status = await client.DescribePurgeTasksAsync(outcome.TaskId!, V3Provider.PurgeTypeUrl, CancellationToken.None);

        var pages = RequestsFor("DescribePurgeTasks");
        Assert.Equal(new[] { 0, 20, 40 }, pages.Select(r => JsonDocument.Parse(r.BodyText).RootElement.GetProperty("Offset").GetInt32()));
        Assert.All(pages, r => Assert.True(r.SignatureVerified));
        Assert.Equal(Urls(45), status.Statuses.Select(s => s.Url));
        Assert.All(status.Statuses, s => Assert.Equal(RefreshStatus.Done, s.Status));
    }

    [Fact]
    public async Task GetStatus_OfTwoBatches_ReadsEachTaskInFull()
    {
        var client = V3();
        var first = await client.SubmitAsync(RefreshTarget.Urls, Urls(25, "https://www.example.com/a"), CancellationToken.None);
        var second = await client.SubmitAsync(RefreshTarget.Urls, Urls(5, "https://www.example.com/b"), CancellationToken.None);
        var status = await client.GetStatusAsync(new[] { first, second }, CancellationToken.None);

        Assert.Equal(3, RequestsFor("DescribePurgeTasks").Count);
        Assert.Equal(30, status.Statuses.Count(s => s.Status == RefreshStatus.Done));
    }
}
