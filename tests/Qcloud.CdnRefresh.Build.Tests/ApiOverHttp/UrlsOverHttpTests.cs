using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V2;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ApiOverHttp;

public class UrlsOverHttpTests : OverHttpTestBase
{
    private static readonly string[] AwkwardUrls =
    {
        "https://www.example.com/lib/c++/a+b.js",
        "https://www.example.com/docs/read%20me.txt",
        "https://www.example.com/%E4%B8%AD%E6%96%87/%E6%96%87%E4%BB%B6.html",
    };

    [Theory]
    [InlineData("v3")]
    [InlineData("v2")]
    [InlineData("edgeone")]
    public async Task PlusEscapedSpaceAndCjkUrls_ArriveIntact_AndTheSignatureVerifies(string api)
    {
        var outcome = await Provider(api).SubmitAsync(RefreshTarget.Urls, AwkwardUrls, CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.True(request.SignatureVerified, request.ServerStringToSign);
        Assert.Equal(AwkwardUrls, request.Urls);
        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
    }

    [Theory]
    [InlineData("v3")]
    [InlineData("v2")]
    [InlineData("edgeone")]
    public async Task TwentyFiveHundredUrls_AreSent_As1000_1000_500_InOrder(string api)
    {
        var urls = Urls(2500);

        var provider = Provider(api);

        var result = await new BatchSubmitter((batch, token) => provider.SubmitAsync(RefreshTarget.Urls, batch, token), 1000).SubmitAsync(urls, null, CancellationToken.None);

        var requests = Server.Requests.OrderBy(r => r.Sequence).ToList();
        Assert.Equal(3, requests.Count);
        Assert.Equal(urls.Take(1000), requests[0].Urls);
        Assert.Equal(urls.Skip(1000).Take(1000), requests[1].Urls);
        Assert.Equal(urls.Skip(2000), requests[2].Urls);
        Assert.All(requests, r => Assert.True(r.SignatureVerified));
        Assert.Equal(2500, Server.UrlsAccepted(QuotaOf(api)));
        Assert.All(result.Batches, b => Assert.Equal(BatchStatus.Accepted, b.Status));
    }
}
