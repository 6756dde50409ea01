using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Manifest;
using Qcloud.CdnRefresh.Build.Tests.Api;
using Xunit;
using static Qcloud.CdnRefresh.Build.Tests.Manifest.ManifestTestData;

using Site = Qcloud.CdnRefresh.Build.Mapping.BaseUrl;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

public class BaselineFetcherTests
{
    private const string BaselineUrl = "https://www.example.com/cdn-refresh-manifest.json";

    private static ScriptedHttpHandler Answering(HttpStatusCode status, byte[]? body = null) =>
        new ScriptedHttpHandler().AnswerEveryRequest((_, _) => new HttpResponseMessage(status) { Content = new ByteArrayContent(body ?? Array.Empty<byte>()) });

    /// <summary>Requests time out only when a test calls <see cref="FakeClock.TimeOutRequests"/>, never by real time.</summary>
    private readonly FakeClock clock = new(DateTimeOffset.UnixEpoch);

    private Task<ManifestLoadResult> Fetch(HttpMessageHandler handler, string url = BaselineUrl, TimeSpan? timeout = null) =>
        new BaselineFetcher(timeout ?? TimeSpan.FromSeconds(5), handler, clock.RequestTimer).FetchAsync(BaselineFetcher.ParseBaselineUrl(url), Sites, CancellationToken.None);

    [Fact]
    public async Task Status_200_gives_the_parsed_baseline_and_asks_for_an_uncached_copy()
    {
        var manifest = ManifestOf(new[] { File("a.css") }, Url("b.js"));
        var handler = Answering(HttpStatusCode.OK, ManifestWriter.Serialize(manifest));

        var result = await Fetch(handler);

        Assert.Empty(result.Warnings);
        Assert.True(result.Baseline!.HasSameContentAs(manifest));
        var request = Assert.Single(handler.Requests);
        Assert.Equal("no-cache", request.Header("Cache-Control"));
        Assert.Equal("GET", request.Method);
    }

    [Fact]
    public async Task Status_200_with_a_corrupt_body_is_a_ManifestCorrupt_warning_naming_the_url()
    {
        var result = await Fetch(Answering(HttpStatusCode.OK, "<html>Not here</html>"u8.ToArray()));

        Assert.Null(result.Baseline);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("QCDN2101", warning.Code);
        Assert.Contains(BaselineUrl, warning.Message);
    }

    [Fact]
    public async Task Status_200_for_another_base_url_is_a_ManifestOtherBaseUrl_warning()
    {
        var other = new DeploymentManifest(new[] { "https://staging.example.com/" }, new[] { File("a") }, Array.Empty<string>(), Time);

        var result = await Fetch(Answering(HttpStatusCode.OK, ManifestWriter.Serialize(other)));

        Assert.Null(result.Baseline);
        Assert.Equal("QCDN2103", Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public async Task Status_404_is_no_baseline_with_a_message_and_no_warning()
    {
        var result = await Fetch(Answering(HttpStatusCode.NotFound));

        Assert.Null(result.Baseline);
        Assert.Empty(result.Warnings);
        Assert.Contains("404", Assert.Single(result.Messages));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NoContent)]
    public async Task Any_other_status_fails_with_BaselineFetchFailed_naming_url_and_status(HttpStatusCode status)
    {
        var exception = await Assert.ThrowsAsync<CdnRefreshException>(() => Fetch(Answering(status)));

        Assert.Equal("QCDN2105", exception.Code);
        Assert.Contains(BaselineUrl, exception.Message);
        Assert.Contains(((int)status).ToString(), exception.Message);
        Assert.Contains("CdnRefreshBaselineUrl", exception.Message);
    }

    [Fact]
    public async Task No_answer_within_the_timeout_fails_with_BaselineFetchFailed()
    {
        var hanging = new ScriptedHttpHandler().Hang(clock.TimeOutRequests);

        var exception = await Assert.ThrowsAsync<CdnRefreshException>(
            () => Fetch(hanging, timeout: TimeSpan.FromMinutes(10)));

        Assert.Equal("QCDN2105", exception.Code);
        Assert.Contains("did not answer within 600 s", exception.Message);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_reported_as_a_timeout()
    {
        using var cancel = new CancellationTokenSource();
        var hanging = new ScriptedHttpHandler().Hang(onArrival: cancel.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new BaselineFetcher(TimeSpan.FromSeconds(30), hanging, clock.RequestTimer).FetchAsync(new Uri(BaselineUrl), Sites, cancel.Token));
    }

    [Fact]
    public async Task A_refused_connection_fails_with_BaselineFetchFailed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = $"http://127.0.0.1:{port}/cdn-refresh-manifest.json";

        var exception = await Assert.ThrowsAsync<CdnRefreshException>(
            () => new BaselineFetcher(TimeSpan.FromSeconds(10)).FetchAsync(BaselineFetcher.ParseBaselineUrl(url), Sites, CancellationToken.None));

        Assert.Equal("QCDN2105", exception.Code);
        Assert.Contains(url, exception.Message);
        Assert.Contains("could not be reached", exception.Message);
    }

    [Fact]
    public async Task A_real_loopback_server_serves_the_baseline()
    {
        var manifest = ManifestOf(new[] { File("index.html"), File("app.js") }, Url("old.css"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.Run(async context =>
        {
            context.Response.StatusCode = context.Request.Path == "/site/cdn-refresh-manifest.json" ? 200 : 404;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(ManifestWriter.Serialize(manifest));
        });
        await app.StartAsync();
        var root = app.Urls.Single().TrimEnd('/');

        var result = await new BaselineFetcher(TimeSpan.FromSeconds(10))
            .FetchAsync(new Uri(root + "/site/cdn-refresh-manifest.json"), Sites, CancellationToken.None);
        var missing = await new BaselineFetcher(TimeSpan.FromSeconds(10))
            .FetchAsync(new Uri(root + "/other.json"), Sites, CancellationToken.None);

        Assert.True(result.Baseline!.HasSameContentAs(manifest));
        Assert.Null(missing.Baseline);
        Assert.Empty(missing.Warnings);
    }

    [Theory]
    [InlineData("cdn-refresh-manifest.json")]
    [InlineData("/site/cdn-refresh-manifest.json")]
    [InlineData("ftp://www.example.com/cdn-refresh-manifest.json")]
    [InlineData("file:///tmp/cdn-refresh-manifest.json")]
    [InlineData("")]
    public async Task A_relative_or_non_http_url_fails_with_InvalidOption(string url)
    {
        var exception = await Assert.ThrowsAsync<CdnRefreshException>(() => Fetch(Answering(HttpStatusCode.OK), url));

        Assert.Equal("QCDN1009", exception.Code);
        Assert.Contains("CdnRefreshBaselineUrl", exception.Message);
    }

    [Fact]
    public async Task Messages_leave_out_query_strings_and_user_info_that_may_hold_tokens()
    {
        var url = "https://deploy:hunter2@www.example.com/cdn-refresh-manifest.json?sig=SECRET";

        var exception = await Assert.ThrowsAsync<CdnRefreshException>(() => Fetch(Answering(HttpStatusCode.Forbidden), url));

        Assert.DoesNotContain("SECRET", exception.Message);
        Assert.DoesNotContain("hunter2", exception.Message);
        Assert.Contains("https://www.example.com/cdn-refresh-manifest.json?…", exception.Message);
    }
}
