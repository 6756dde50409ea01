using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using System;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApiTests;

public class FaultInjectionTests : FakeApiTestBase
{
    private HttpRequestMessage Purge(int urls = 1) =>
        SignedRequests.V3(Server.V3Endpoint, "PurgeUrlsCache", SignedRequests.PurgeBody(SignedRequests.Urls(urls)), NowSeconds);

    private HttpRequestMessage Quota() => SignedRequests.V3(Server.V3Endpoint, "DescribePurgeQuota", "{}", NowSeconds);

    [Fact]
    public async Task Http500_AnswersStatus500WithShortBody()
    {
        Server.InjectFault(FaultRule.Http500());

        var (status, body) = await SendAsync(Purge());

        Assert.Equal(500, status);
        Assert.Equal("Internal Server Error", body);
    }

    [Fact]
    public async Task Http429_AnswersStatus429WithRetryAfter()
    {
        Server.InjectFault(FaultRule.Http429());

        using HttpResponseMessage response = await Http.SendAsync(Purge());

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Http502Html_AnswersHtmlPage()
    {
        Server.InjectFault(FaultRule.Http502Html());

        using HttpResponseMessage response = await Http.SendAsync(Purge());

        Assert.Equal(502, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<html>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TruncatedJson_Answers200WithBodyCutAfterTaskId()
    {
        Server.InjectFault(FaultRule.TruncatedJson());

        var (status, body) = await SendAsync(Purge());

        Assert.Equal(200, status);
        Assert.Equal("{\"Response\":{\"TaskId\":", body);
    }

    [Fact]
    public async Task GarbageBody_Answers200WithNonJson()
    {
        Server.InjectFault(FaultRule.GarbageBody());

        var (status, body) = await SendAsync(Purge());

        Assert.Equal(200, status);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task V3Error_Answers200WithGivenCode()
    {
        Server.InjectFault(FaultRule.V3Error("InternalError.CdnSystemError", "boom"));

        JsonElement body = await SendJsonAsync(Purge());

        Assert.Equal("InternalError.CdnSystemError", V3ErrorCode(body));
        Assert.Equal("boom", body.GetProperty("Response").GetProperty("Error").GetProperty("Message").GetString());
    }

    [Fact]
    public async Task V2Error_SkipsV3Requests_AndAnswersV2WithGivenBody()
    {
        Server.InjectFault(FaultRule.V2Error(6000, "(9000)系统错误", "9000"));

        JsonElement v3 = await SendJsonAsync(Quota());
        JsonElement v2 = await RefreshV2Async(1);

        Assert.Null(V3ErrorCode(v3));
        Assert.Equal("{\"code\":6000,\"message\":\"(9000)系统错误\",\"codeDesc\":\"9000\"}", v2.GetRawText());
    }

    [Fact]
    public async Task OnRequest_HitsOnlyThatSequenceNumber()
    {
        Server.InjectFault(FaultRule.Http500().OnRequest(2));

        int[] statuses = { (await SendAsync(Quota())).Status, (await SendAsync(Quota())).Status, (await SendAsync(Quota())).Status };

        Assert.Equal(new[] { 200, 500, 200 }, statuses);
    }

    [Fact]
    public async Task ForNext_HitsTheNextKRequests()
    {
        Server.InjectFault(FaultRule.Http429().ForNext(2));

        int[] statuses = { (await SendAsync(Quota())).Status, (await SendAsync(Quota())).Status, (await SendAsync(Quota())).Status };

        Assert.Equal(new[] { 429, 429, 200 }, statuses);
    }

    [Fact]
    public async Task ForAction_SkipsOtherActions()
    {
        Server.InjectFault(FaultRule.Http500().ForAction("PurgeUrlsCache"));

        Assert.Equal(200, (await SendAsync(Quota())).Status);
        Assert.Equal(500, (await SendAsync(Purge())).Status);
    }

    [Fact]
    public async Task FaultedRequest_ConsumesNoQuota()
    {
        Server.InjectFault(FaultRule.Http500());

        await SendAsync(Purge(3));

        Assert.Equal(0, Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task FaultedV2Request_ConsumesNoNonce()
    {
        var parameters = SignedRequests.V2Parameters("RefreshCdnOverSeaUrl", NowSeconds, NextNonce(), SignedRequests.Urls(1));
        Server.InjectFault(FaultRule.Http502Html());

        await SendAsync(SignedRequests.V2(Server.V2Endpoint, parameters));
        JsonElement retry = await SendJsonAsync(SignedRequests.V2(Server.V2Endpoint, parameters));

        Assert.Equal(0, V2Code(retry));
    }

    [Fact]
    public async Task Hang_ThenAnswersNormally()
    {
        Server.InjectFault(FaultRule.Hang(TimeSpan.FromMilliseconds(300)));

        JsonElement body = await SendJsonAsync(Purge());

        Assert.Equal(1, Server.HangsStarted);
        Assert.Null(V3ErrorCode(body));
        Assert.Equal(FaultKind.Hang, Assert.Single(Server.Requests).Fault);
    }

    [Fact]
    public async Task Hang_WithAbort_DropsTheConnection()
    {
        Server.InjectFault(FaultRule.Hang(TimeSpan.FromMilliseconds(50), abort: true));

        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(Purge()));
        Assert.Equal(0, Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task Hang_EndsWhenClientGivesUp_RecordedWithoutStatusOrQuota()
    {
        Server.InjectFault(FaultRule.Hang(TimeSpan.FromSeconds(30)));
        using var giveUp = new System.Threading.CancellationTokenSource();
        var sending = Http.SendAsync(Purge(), giveUp.Token);
        await Server.WaitForHangsAsync();
        giveUp.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        RecordedRequest recorded = await WaitForRecordAsync();

        Assert.Equal(FaultKind.Hang, recorded.Fault);
        Assert.Equal(0, recorded.StatusCode);
        Assert.Equal(0, Server.UrlsAccepted("overseas"));
    }

    [Fact]
    public async Task Dispose_DoesNotWaitForAHangingRequest()
    {
        await using FakeTencentApiServer server = await FakeTencentApiServer.StartAsync(Options);
        server.InjectFault(FaultRule.Hang(TimeSpan.FromMinutes(5)));
        Task<HttpResponseMessage> pending = Http.SendAsync(
            SignedRequests.V3(server.V3Endpoint, "DescribePurgeQuota", "{}", NowSeconds));
        await server.WaitForHangsAsync();

        await server.DisposeAsync();

        // The hang is recorded when it ends: here by the dispose, not by its five minutes passing.
        Assert.Equal(FaultKind.Hang, Assert.Single(server.Requests).Fault);
        await Assert.ThrowsAnyAsync<Exception>(() => pending);
    }

    private async Task<RecordedRequest> WaitForRecordAsync()
    {
        for (int i = 0; i < 100 && Server.Requests.Count == 0; i++)
        {
            await Task.Delay(20);
        }

        return Server.Requests.Single();
    }
}
