using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Tests.Api;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Providers.EdgeOne;

/// <summary>EdgeOne's <c>CreatePurgeTask</c>: the signed body of each purge type, and what its answer says was accepted.</summary>
public class EdgeOnePurgeTests
{
    private readonly ClientHarness harness = new();

    [Fact]
    public async Task Urls_GoOutAsPurgeUrlInTheZone_SignedForTeo()
    {
        // Body bytes and signature computed independently of this code, by a separate TC3-HMAC-SHA256 implementation.
        harness.Handler.RespondJson("{\"Response\":{\"JobId\":\"20ke5j9ciqo5\",\"FailedList\":[],\"RequestId\":\"r\"}}");

        await harness.EdgeOne().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(2), CancellationToken.None);

        var request = harness.Handler.Requests.Single();
        Assert.Equal("{\"ZoneId\":\"zone-2noz78a8ev6k\",\"Type\":\"purge_url\",\"Targets\":[\"https://www.example.com/0.jpg\",\"https://www.example.com/1.jpg\"]}", request.BodyText);
        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA/2019-02-25/teo/tc3_request, SignedHeaders=content-type;host, Signature=9a95aac895fce4fd9996a9428f68326295999015df30aa156d582537ae9b2ad0",
            request.Header("Authorization"));
    }

    [Fact]
    public async Task Urls_AgainstTheDefaultEndpoint_MatchTheReferenceVector()
    {
        harness.Handler.RespondJson("{\"Response\":{\"JobId\":\"j\",\"RequestId\":\"r\"}}");

        await harness.EdgeOne(o => o with { Endpoint = new Uri("https://teo.tencentcloudapi.com/") })
            .SubmitAsync(RefreshTarget.Urls, new[] { "https://www.example.com/1.jpg" }, CancellationToken.None);

        var request = harness.Handler.Requests.Single();
        Assert.Equal("teo.tencentcloudapi.com", request.Header("Host"));
        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA/2019-02-25/teo/tc3_request, SignedHeaders=content-type;host, Signature=0a15105e2cd806d68013726bc9f1c429aedd391d0900ce6fe5b448981804ca16",
            request.Header("Authorization"));
    }

    [Fact]
    public async Task EveryRequest_CarriesTheTeoVersionAndAction()
    {
        harness.Handler.RespondJson("{\"Response\":{\"JobId\":\"j\",\"RequestId\":\"r\"}}");

        await harness.EdgeOne().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        var request = harness.Handler.Requests.Single();
        Assert.Equal("CreatePurgeTask", request.Header("X-TC-Action"));
        Assert.Equal("2022-09-01", request.Header("X-TC-Version"));
        Assert.Equal("1551113065", request.Header("X-TC-Timestamp"));
        Assert.Null(request.Header("X-TC-Region"));
    }

    [Fact]
    public async Task Directories_GoOutAsPurgePrefixWithInvalidate()
    {
        harness.Handler.RespondJson("{\"Response\":{\"JobId\":\"j\",\"RequestId\":\"r\"}}");

        await harness.EdgeOne().SubmitAsync(RefreshTarget.Directories, new[] { "https://www.example.com/css/" }, CancellationToken.None);

        Assert.Equal(
            "{\"ZoneId\":\"zone-2noz78a8ev6k\",\"Type\":\"purge_prefix\",\"Method\":\"invalidate\",\"Targets\":[\"https://www.example.com/css/\"]}",
            harness.Handler.Requests.Single().BodyText);
    }

    [Fact]
    public async Task FailedListTargets_AreRejectedWithTheirReason_TheRestAccepted()
    {
        harness.Handler.RespondJson(
            "{\"Response\":{\"JobId\":\"j-1\",\"FailedList\":[{\"Reason\":\"target not in zone\",\"Targets\":[\"https://www.example.com/1.jpg\"]}],\"RequestId\":\"r\"}}");

        var outcome = await harness.EdgeOne().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(3), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal("j-1", outcome.TaskId);
        Assert.Equal(new[] { new RejectedEntry("https://www.example.com/1.jpg", "target not in zone") }, outcome.Rejected);
    }

    [Fact]
    public async Task NullFailedList_RejectsNothing()
    {
        harness.Handler.RespondJson("{\"Response\":{\"JobId\":\"j\",\"FailedList\":null,\"RequestId\":\"r\"}}");

        var outcome = await harness.EdgeOne().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(2), CancellationToken.None);

        Assert.Empty(outcome.Rejected);
    }

    [Theory]
    [InlineData("LimitExceeded.DailyQuota", "Quota")]
    [InlineData("LimitExceeded.BatchQuota", "Quota")]
    [InlineData("InvalidParameter.Target", "Final")]
    [InlineData("InvalidParameter.ParameterError", "Final")]
    [InlineData("ResourceNotFound.ZoneNotFound", "Final")]
    [InlineData("AuthFailure.SignatureExpire", "Authentication")]
    public async Task FinalErrors_AreClassifiedAndNotRetried(string code, string kind)
    {
        harness.Handler.RespondJson("{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"m\"},\"RequestId\":\"r\"}}");

        var outcome = await harness.EdgeOne(o => o with { MaxRetries = 3 }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(kind, outcome.Failure!.Kind.ToString());
        Assert.Single(harness.Handler.Requests);
    }

    [Theory]
    [InlineData("InternalError")]
    [InlineData("RequestLimitExceeded")]
    public async Task BusySignals_AreRetried(string code)
    {
        harness.Handler
            .RespondJson("{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"m\"},\"RequestId\":\"r\"}}")
            .RespondJson("{\"Response\":{\"JobId\":\"j\",\"RequestId\":\"r\"}}");

        var outcome = await harness.EdgeOne(o => o with { MaxRetries = 3 }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, harness.Handler.Requests.Count);
    }
}
