using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V2;
using Qcloud.CdnRefresh.Build.Signing;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ApiOverHttp;

public class SuccessOverHttpTests : OverHttpTestBase
{
    [Fact]
    public async Task V3_Purge_IsVerifiedByTheFake_AndTheTaskIdIsItsOwn()
    {
        var urls = Urls(3);

        var outcome = await V3().SubmitAsync(RefreshTarget.Urls, urls, CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.True(request.SignatureVerified);
        Assert.Equal("PurgeUrlsCache", request.Action);
        Assert.Equal(urls, request.Urls);
        Assert.Equal("overseas", request.Area);
        Assert.True(outcome.Succeeded);
        Assert.NotNull(request.TaskId);
        Assert.Equal(request.TaskId, outcome.TaskId);
        Assert.Equal(3, Server.UrlsAccepted("overseas"));
    }

    [Theory]
    [InlineData(ApiV2Signer.HmacSha1)]
    [InlineData(ApiV2Signer.HmacSha256)]
    public async Task V2_Refresh_IsVerifiedByTheFake_WithEitherSignatureMethod(string method)
    {
        var urls = Urls(4);

        var outcome = await V2(o => o with { SignatureMethod = method }).SubmitAsync(RefreshTarget.Urls, urls, CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.True(request.SignatureVerified);
        Assert.Equal("0", request.ApiCode);
        Assert.Equal("RefreshCdnOverSeaUrl", request.Action);
        Assert.Equal(urls, request.Urls);
        Assert.True(outcome.Succeeded);
        Assert.Equal(4, Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task V2_HmacSha256_IsNamedInTheRequest_SoTheFakeVerifiesWithSha256()
    {
        await V2(o => o with { SignatureMethod = ApiV2Signer.HmacSha256 }).SubmitAsync(RefreshTarget.Urls, Urls(1), CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.Equal(ApiV2Signer.HmacSha256, request.Parameters["SignatureMethod"]);
        Assert.True(request.SignatureVerified);
    }

    [Fact]
    public async Task V2_Mainland_UsesRefreshCdnUrl_AndReturnsTheFakesTaskId()
    {
        var outcome = await V2(o => o with { Area = "mainland" }).SubmitAsync(RefreshTarget.Urls, Urls(2), CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.Equal("RefreshCdnUrl", request.Action);
        Assert.True(request.SignatureVerified);
        Assert.NotNull(request.TaskId);
        Assert.Equal(request.TaskId, outcome.TaskId);
        Assert.Equal(2, Server.UrlsAccepted("mainland"));
    }
}
