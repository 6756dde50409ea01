using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Signing;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ApiOverHttp;

/// <summary>The fake is configured with a token, so it refuses any request that does not carry exactly that token.</summary>
public class TemporaryKeyOverHttpTests : OverHttpTestBase
{
    private const string Token = "fakeSessionToken-0123456789+/=";

    protected override FakeTencentApiOptions ServerOptions => new() { Token = Token };

    private static TencentCredentials TemporaryKey =>
        new(FakeTencentApiOptions.DefaultSecretId, FakeTencentApiOptions.DefaultSecretKey, Token);

    [Theory]
    [InlineData("v3")]
    [InlineData("v2")]
    [InlineData("edgeone")]
    public async Task WithToken_IsAccepted_AndSendsTheToken(string api)
    {
        var outcome = await Provider(api, credentials: TemporaryKey).SubmitAsync(RefreshTarget.Urls, Urls(1), CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.Equal(Token, api == "v2" ? request.Parameters["Token"] : request.Headers["X-TC-Token"]);
        Assert.True(request.SignatureVerified);
        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public async Task V3_WithoutTheToken_IsRefusedByTheFake()
    {
        // Shows that the fake really checks the token, which gives the two tests above their meaning.
        var outcome = await V3().SubmitAsync(RefreshTarget.Urls, Urls(1), CancellationToken.None);

        Assert.Equal("AuthFailure.TokenFailure", Assert.Single(Server.Requests).ApiCode);
        Assert.False(outcome.Succeeded);
    }
}
