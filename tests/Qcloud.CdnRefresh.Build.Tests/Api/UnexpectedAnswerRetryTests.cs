using System.IO;
using System.Linq;
using System.Net.Http.Headers;
using System.Net.Http;
using System.Threading.Tasks;
using System.Threading;
using System;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

/// <summary>Network errors and answers that are not the API's JSON: retried like a timeout, failing with the status and first bytes once the retries are spent.</summary>
public class UnexpectedAnswerRetryTests
{
    private readonly ClientHarness harness = new();

    [Fact]
    public async Task NetworkErrors_AreRetried()
    {
        harness.Handler
            .Throw(new HttpRequestException("Connection refused"))
            .Throw(new IOException("Connection reset"))
            .RespondJson(ClientHarness.V2Success());

        var outcome = await harness.V2().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(3, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task NetworkErrorEveryTime_FailsAsRetryableAfterTheLastAttempt()
    {
        harness.Handler.Throw(new HttpRequestException("Connection refused")).Throw(new HttpRequestException("Connection refused"));

        var outcome = await harness.V2(o => o with { MaxRetries = 1 }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(ApiFailureKind.Retryable, outcome.Failure!.Kind);
        Assert.Contains("Connection refused", outcome.Failure.Message);
        Assert.Null(outcome.Failure.HttpStatus);
    }

    [Fact]
    public async Task Html502Page_FailsWithStatusAndFirstBytes()
    {
        var page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center></body></html>";
        harness.Handler.RespondRepeatedly(2, 502, page, "text/html");

        var outcome = await harness.V3(o => o with { MaxRetries = 1 }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.Equal(ApiFailureKind.UnexpectedResponse, outcome.Failure!.Kind);
        Assert.Equal(502, outcome.Failure.HttpStatus);
        Assert.StartsWith("HTTP 502 answered with a body that is not the expected JSON: \"<html> <head><title>502 Bad Gateway</title></head>", outcome.Failure.Message);
    }

    [Fact]
    public async Task TruncatedJsonWithStatus200_IsRetriedWithTheSameBackoff_ThenFailsWithStatusAndFirstBytes()
    {
        harness.Handler.RespondRepeatedly(3, 200, "{\"code\":0,\"message\":\"\",\"codeDe");

        var outcome = await harness.V2(o => o with { MaxRetries = 2 }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(3, harness.Handler.Requests.Count);
        Assert.Equal(new[] { 100, 200 }, harness.Time.Delays.Select(d => (int)d.TotalMilliseconds));
        Assert.Equal(ApiFailureKind.UnexpectedResponse, outcome.Failure!.Kind);
        Assert.Equal("HTTP 200 answered with a body that is not the expected JSON: \"{\"code\":0,\"message\":\"\",\"codeDe\"", outcome.Failure.Message);
    }

    [Fact]
    public async Task EmptyBodyWithStatus200ThenSuccess_IsAccepted()
    {
        harness.Handler.Respond(200, "").RespondJson(ClientHarness.V3Success());

        var outcome = await harness.V3().SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.Equal("HTTP 200 answered with an empty body", harness.Notices.Single().Failure.Message);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"Response\":\"nope\"}")]
    [InlineData("{\"Response\":{}}")]
    [InlineData("{\"Response\":{\"Error\":{\"Message\":\"no code\"},\"RequestId\":\"r\"}}")]
    public async Task V3JsonOfTheWrongShape_IsAnUnexpectedResponse(string body)
    {
        harness.Handler.RespondJson(body);

        var outcome = await harness.V3(o => o with { MaxRetries = 0 }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(ApiFailureKind.UnexpectedResponse, outcome.Failure!.Kind);
        Assert.Contains("HTTP 200", outcome.Failure.Message);
    }

    [Theory]
    [InlineData("{\"message\":\"no code\"}")]
    [InlineData("{\"code\":\"zero\"}")]
    [InlineData("\"just a string\"")]
    public async Task V2JsonOfTheWrongShape_IsAnUnexpectedResponse(string body)
    {
        harness.Handler.RespondJson(body);

        var outcome = await harness.V2(o => o with { MaxRetries = 0 }).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(ApiFailureKind.UnexpectedResponse, outcome.Failure!.Kind);
    }
}
