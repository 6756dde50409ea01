using System.Net;
using System.Net.Http.Headers;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Http;
using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// Fetches the baseline manifest from <c>CdnRefreshBaselineUrl</c> (typically the <c>cdn-refresh-manifest.json</c> that
/// the previous run published with the site), for CI runners that keep no local state.
/// </summary>
/// <param name="timeout">Time allowed for the whole request, body included.</param>
/// <param name="handler">The transport; null means a new <see cref="HttpClientHandler"/>. Not disposed by this class.</param>
/// <param name="timer">Times the request against <paramref name="timeout"/>; null means <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</param>
internal sealed class BaselineFetcher(TimeSpan timeout, HttpMessageHandler? handler = null, Func<TimeSpan, CancellationToken, Task>? timer = null)
{
    /// <summary>
    /// 200: the manifest, parsed as <see cref="ManifestReader"/> parses a local one (same warnings). 404: no baseline,
    /// with an informational message (the first deployment has published none yet).
    /// </summary>
    /// <exception cref="CdnRefreshException"><see cref="DiagnosticCodes.BaselineFetchFailed"/>: another status, a network error or the timeout.</exception>
    public async Task<ManifestLoadResult> FetchAsync(Uri uri, IReadOnlyList<BaseUrl> currentBaseUrls, CancellationToken cancellationToken)
    {
        var shownUrl = ForMessages(uri);

        using var timedOut = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var fetchEnded = new CancellationTokenSource();
        _ = HttpCancellation.TimeOutAsync(timer ?? ((wait, token) => Task.Delay(wait, token)), timeout, timedOut, fetchEnded.Token);
        // The timeout is enforced by our token so that it can be told apart from the caller's cancellation.
        using var client = new HttpClient(
            handler ?? new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate },
            disposeHandler: handler is null) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        // The baseline is usually served through the very CDN being refreshed: ask for a fresh copy, not a cached one.
        request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        request.Headers.Pragma.Add(new NameValueHeaderValue("no-cache"));

        try
        {
            using var response = await HttpCancellation.WithCancellation(
                client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timedOut.Token), timedOut.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return ManifestLoadResult.NoBaseline(
                    $"No baseline manifest at '{shownUrl}' (HTTP 404), as before the first deployment that publishes one: "
                    + "CdnRefreshWithoutBaseline decides what is refreshed (by default every file).");
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw Failed(shownUrl, $"answered HTTP {(int)response.StatusCode} ({response.StatusCode})", null);
            }

            var content = await HttpCancellation.ReadBodyAsync(response.Content, timedOut.Token).ConfigureAwait(false);
            return ManifestReader.Parse(content, shownUrl, currentBaseUrls);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failed(shownUrl, $"did not answer within {timeout.TotalSeconds:0.###} s", exception);
        }
        catch (HttpRequestException exception)
        {
            throw Failed(shownUrl, "could not be reached (" + exception.GetBaseException().Message + ")", exception);
        }
        finally
        {
            fetchEnded.Cancel();
        }
    }

    /// <exception cref="CdnRefreshException"><see cref="DiagnosticCodes.InvalidOption"/>: not an absolute http(s) URL.</exception>
    public static Uri ParseBaselineUrl(string baselineUrl) =>
        Uri.TryCreate(baselineUrl?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CdnRefreshException(
                DiagnosticCodes.InvalidOption,
                $"CdnRefreshBaselineUrl '{baselineUrl}' is not an absolute http:// or https:// URL. Set it to the full URL "
                + $"of the published manifest, e.g. https://www.example.com/{ManifestStore.PublishedFileName}, or leave it "
                + "empty to use the local CdnRefreshManifest.");

    /// <summary>Scheme, host, port and path only: user info and query strings may carry access tokens.</summary>
    private static string ForMessages(Uri uri) =>
        uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
        + (string.IsNullOrEmpty(uri.Query) ? string.Empty : "?…");

    private static CdnRefreshException Failed(string shownUrl, string what, Exception? inner) =>
        new(
            DiagnosticCodes.BaselineFetchFailed,
            $"The baseline manifest at '{shownUrl}' (CdnRefreshBaselineUrl) {what}. Nothing was refreshed. Check the URL "
            + "and that the site is reachable from this machine, or clear CdnRefreshBaselineUrl to use the local "
            + "CdnRefreshManifest instead.",
            inner);
}
