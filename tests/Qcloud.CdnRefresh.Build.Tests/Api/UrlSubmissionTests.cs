using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Signing;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

/// <summary>What every provider does with a batch of URLs; each case carries its flavour's own literals.</summary>
public class UrlSubmissionTests
{
    private readonly ClientHarness harness = new();

    [Theory]
    [InlineData("v2", "overseas", "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"count\":1}}", "RefreshCdnOverSeaUrl")]
    [InlineData("v2", "mainland", "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"count\":1}}", "RefreshCdnUrl")]
    [InlineData("v3", "overseas", "{\"Response\":{\"RequestId\":\"r\",\"TaskId\":\"t\"}}", "PurgeUrlsCache")]
    [InlineData("v3", "mainland", "{\"Response\":{\"RequestId\":\"r\",\"TaskId\":\"t\"}}", "PurgeUrlsCache")]
    [InlineData("edgeone", "overseas", "{\"Response\":{\"RequestId\":\"r\",\"JobId\":\"j\"}}", "CreatePurgeTask")]
    public async Task Submit_SendsTheAreasUrlAction(string flavour, string area, string answer, string action)
    {
        harness.Handler.RespondJson(answer);

        var provider = harness.Provider(flavour, o => o with { Area = area });
        await provider.SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal(action, provider.UrlAction);
        Assert.Equal(action, ClientHarness.ActionOf(harness.Handler.Requests.Single()));
    }

    [Theory]
    [InlineData("v2", "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"count\":1}}")]
    [InlineData("v3", "{\"Response\":{\"RequestId\":\"r\",\"TaskId\":\"t\"}}")]
    [InlineData("edgeone", "{\"Response\":{\"RequestId\":\"r\",\"JobId\":\"j\"}}")]
    public async Task Submit_HostHeaderCarriesTheNonDefaultPort(string flavour, string answer)
    {
        harness.Handler.RespondJson(answer);

        await harness.Provider(flavour).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal("127.0.0.1:5081", harness.Handler.Requests.Single().Header("Host"));
    }

    [Theory]
    [InlineData("v2", "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"count\":1}}")]
    [InlineData("v3", "{\"Response\":{\"RequestId\":\"r\",\"TaskId\":\"t\"}}")]
    [InlineData("edgeone", "{\"Response\":{\"RequestId\":\"r\",\"JobId\":\"j\"}}")]
    public async Task Submit_WithToken_SendsTheToken(string flavour, string answer)
    {
        harness.Handler.RespondJson(answer);

        await harness.Provider(flavour, credentials: new TencentCredentials(ClientHarness.SecretId, ClientHarness.SecretKey, "temp-token"))
            .SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Equal("temp-token", ClientHarness.TokenOf(harness.Handler.Requests.Single()));
    }

    [Theory]
    [InlineData("v2", "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"count\":1}}")]
    [InlineData("v3", "{\"Response\":{\"RequestId\":\"r\",\"TaskId\":\"t\"}}")]
    [InlineData("edgeone", "{\"Response\":{\"RequestId\":\"r\",\"JobId\":\"j\"}}")]
    public async Task Submit_WithoutToken_SendsNoToken(string flavour, string answer)
    {
        harness.Handler.RespondJson(answer);

        await harness.Provider(flavour).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Null(ClientHarness.TokenOf(harness.Handler.Requests.Single()));
    }

    [Theory]
    [InlineData("v2", "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"count\":3,\"task_id\":\"1480069888795584532\"}}", "1480069888795584532")]
    [InlineData("v3", "{\"Response\":{\"RequestId\":\"req-7\",\"TaskId\":\"task-7\"}}", "task-7")]
    [InlineData("edgeone", "{\"Response\":{\"RequestId\":\"req-7\",\"JobId\":\"20ke5j9ciqo5\",\"FailedList\":[]}}", "20ke5j9ciqo5")]
    public async Task Submit_Success_ReadsTheTaskIdAndTheSigningTime(string flavour, string answer, string taskId)
    {
        harness.Handler.RespondJson(answer);

        var outcome = await harness.Provider(flavour).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(3), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(taskId, outcome.TaskId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1551113065), outcome.SubmittedAt);
        Assert.Single(harness.Handler.Requests);
    }

    [Theory]
    [InlineData("v2", "{\"code\":4000,\"message\":\"(9110)没有这个域名的信息 cdn no such host\",\"codeDesc\":\"9110\"}", "4000 (9110)", "(9110)没有这个域名的信息 cdn no such host", null)]
    [InlineData("v2", "{\"code\":4000,\"message\":\"(9110)没有这个域名的信息 cdn no such host\",\"codeDesc\":9110}", "4000 (9110)", "(9110)没有这个域名的信息 cdn no such host", null)]
    [InlineData("v3", "{\"Response\":{\"Error\":{\"Code\":\"ResourceNotFound.CdnHostNotExists\",\"Message\":\"no such domain\"},\"RequestId\":\"req-9\"}}", "ResourceNotFound.CdnHostNotExists", "no such domain", "req-9")]
    [InlineData("edgeone", "{\"Response\":{\"Error\":{\"Code\":\"ResourceNotFound.ZoneNotFound\",\"Message\":\"no such zone\"},\"RequestId\":\"req-9\"}}", "ResourceNotFound.ZoneNotFound", "no such zone", "req-9")]
    public async Task Submit_ErrorAnswer_IsAFinalFailureWithTheApiCodeAndMessage(string flavour, string answer, string apiCode, string message, string? requestId)
    {
        harness.Handler.RespondJson(answer);

        var outcome = await harness.Provider(flavour).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(ApiFailureKind.Final, outcome.Failure!.Kind);
        Assert.Equal(apiCode, outcome.Failure.ApiCode);
        Assert.Equal(message, outcome.Failure.Message);
        Assert.Equal(requestId, outcome.Failure.RequestId);
        Assert.Equal(200, outcome.Failure.HttpStatus);
        Assert.Single(harness.Handler.Requests);
    }

    [Theory]
    [InlineData("v2", "{\"code\":4000,\"message\":\"bad key " + ClientHarness.SecretKey + "\",\"codeDesc\":\"InvalidParameter\"}")]
    [InlineData("v3", "{\"Response\":{\"Error\":{\"Code\":\"InvalidParameter\",\"Message\":\"bad key " + ClientHarness.SecretKey + "\"},\"RequestId\":\"r\"}}")]
    [InlineData("edgeone", "{\"Response\":{\"Error\":{\"Code\":\"InvalidParameter.Target\",\"Message\":\"bad key " + ClientHarness.SecretKey + "\"},\"RequestId\":\"r\"}}")]
    public async Task Submit_ErrorMessageEchoingTheSecret_IsRedacted(string flavour, string answer)
    {
        harness.Handler.RespondJson(answer);

        var outcome = await harness.Provider(flavour).SubmitAsync(RefreshTarget.Urls, ClientHarness.Urls(1), CancellationToken.None);

        Assert.Contains("bad key", outcome.Failure!.Message);
        Assert.DoesNotContain(ClientHarness.SecretKey, outcome.Failure.Message);
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("v3")]
    [InlineData("edgeone")]
    public async Task Submit_NoUrls_IsRejectedBeforeSending(string flavour)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => harness.Provider(flavour).SubmitAsync(RefreshTarget.Urls, Array.Empty<string>(), CancellationToken.None));

        Assert.Empty(harness.Handler.Requests);
    }
}
