using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
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
    [InlineData(CdnRefreshClientFactory.ApiV3)]
    [InlineData(CdnRefreshClientFactory.ApiV2)]
    public async Task PlusEscapedSpaceAndCjkUrls_ArriveIntact_AndTheSignatureVerifies(string api)
    {
        var outcome = await Client(api).SubmitAsync(AwkwardUrls, CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.True(request.SignatureVerified, request.ServerStringToSign);
        Assert.Equal(AwkwardUrls, request.Urls);
        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
    }

    [Theory]
    [InlineData(CdnRefreshClientFactory.ApiV3)]
    [InlineData(CdnRefreshClientFactory.ApiV2)]
    public async Task TwentyFiveHundredUrls_AreSent_As1000_1000_500_InOrder(string api)
    {
        var urls = Urls(2500);

        var result = await new BatchSubmitter(Client(api), 1000).SubmitAsync(urls, null, CancellationToken.None);

        var requests = Server.Requests.OrderBy(r => r.Sequence).ToList();
        Assert.Equal(3, requests.Count);
        Assert.Equal(urls.Take(1000), requests[0].Urls);
        Assert.Equal(urls.Skip(1000).Take(1000), requests[1].Urls);
        Assert.Equal(urls.Skip(2000), requests[2].Urls);
        Assert.All(requests, r => Assert.True(r.SignatureVerified));
        Assert.Equal(2500, Server.UrlsAccepted("overseas"));
        Assert.True(result.Succeeded);
    }
}
