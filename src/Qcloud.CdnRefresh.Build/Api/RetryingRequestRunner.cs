using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Qcloud.CdnRefresh.Build.Http;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// Sends one API call, retrying retryable failures with backoff. Each attempt builds (and so signs) a new request,
/// runs under its own timeout, and is read and classified by the caller's parser.
/// </summary>
/// <remarks><c>secrets</c>: Values that must never appear in a failure message (secret key, token).</remarks>
internal sealed class RetryingRequestRunner(ApiClientOptions options, IEnumerable<string?> secrets) : IDisposable
{
    // A v2 Signature parameter or a TC3 Authorization value, wherever an answer echoes one.
    private const string SignaturePattern = @"(Signature=|TC3-HMAC-SHA256 )[^&\s"",;<]+";

    // The runner is made for the first request (a dry run sends none). Our own per-attempt timeout replaces HttpClient's,
    // which would otherwise cap every attempt at 100 s.
    private readonly HttpClient _http = new(options.Handler ?? new HttpClientHandler(), disposeHandler: options.Handler is null)
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    private readonly string[] _secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToArray();

    /// <remarks><c>buildRequest</c>: Called once per attempt with the clock's time, so every attempt carries a fresh
    /// timestamp, nonce and signature.
    /// <c>parse</c>: Reads the HTTP status and body of an attempt into a value or a classified failure.
    /// <c>policy</c>: Where this kind of request departs from the client's retry settings; null for none.</remarks>
    public async Task<ApiCallResult<T>> RunAsync<T>(
        string action,
        Func<DateTimeOffset, HttpRequestMessage> buildRequest,
        Func<int, byte[], ApiCallResult<T>> parse,
        CancellationToken cancellationToken,
        RetryPolicy? policy = null)
        where T : class
    {
        policy ??= RetryPolicy.Default;
        var maxAttempts = 1 + Math.Max(0, options.MaxRetries);
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await AttemptAsync(buildRequest, parse, cancellationToken).ConfigureAwait(false);
            if (result.Failure is null)
            {
                return result;
            }

            var failure = Redact(result.Failure);
            if (!failure.IsRetryable || attempt >= maxAttempts || (failure.HttpStatus is null && !policy.RetryWithoutAnswer))
            {
                return ApiCallResult<T>.Failed(failure);
            }

            var delay = RetryPolicy.Backoff(attempt, options.InitialBackoff, options.MaxBackoff, options.Jitter());

            // The server knows when it will take requests again; but a build that sleeps minutes is worse than one more
            // retry that fails and leaves the URLs owed, so its wish counts only up to MaxBackoff.
            if (failure.RetryAfter is { } asked && policy.HonourRetryAfter)
            {
                delay = TimeSpan.FromTicks(Math.Max(delay.Ticks, Math.Min(asked.Ticks, options.MaxBackoff.Ticks)));
            }

            options.OnRetry?.Invoke(new RetryNotice(action, attempt, maxAttempts, delay, failure));
            await options.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<ApiCallResult<T>> AttemptAsync<T>(
        Func<DateTimeOffset, HttpRequestMessage> buildRequest,
        Func<int, byte[], ApiCallResult<T>> parse,
        CancellationToken cancellationToken)
        where T : class
    {
        using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var attemptEnded = new CancellationTokenSource();
        _ = HttpCancellation.TimeOutAsync(options.RequestTimer, options.RequestTimeout, attemptCancellation, attemptEnded.Token);
        var token = attemptCancellation.Token;
        try
        {
            using var request = buildRequest(options.Clock());

            // ResponseContentRead buffers the body inside SendAsync, under the same token: the timeout covers it.
            using var response = await HttpCancellation.WithCancellation(_http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token), token).ConfigureAwait(false);
            var body = Redact(await HttpCancellation.ReadBodyAsync(response.Content, token).ConfigureAwait(false));
            try
            {
                var result = parse((int)response.StatusCode, body);
                return result.Failure is { } failure && RetryAfterOf(response) is { } wait
                    ? ApiCallResult<T>.Failed(failure with { RetryAfter = wait })
                    : result;
            }
            catch (Exception exception) when (exception is InvalidOperationException or FormatException or ArgumentException)
            {
                // A body the parser chokes on (invalid UTF-8 inside a string, say) is an unexpected response, not a crash.
                return ApiCallResult<T>.Failed(ApiFailure.UnexpectedResponse((int)response.StatusCode, body, exception.GetType().Name));
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
        {
            // A cancelled token can surface as any of these, depending on the platform and where the transfer was. The
            // caller's cancellation is not a timeout and never retried: it is surfaced as such.
            cancellationToken.ThrowIfCancellationRequested();
            return ApiCallResult<T>.Failed(attemptCancellation.IsCancellationRequested
                ? ApiFailure.Timeout(options.RequestTimeout)
                : ApiFailure.NetworkError(exception));
        }
        finally
        {
            attemptEnded.Cancel();
        }
    }

    /// <summary><c>Retry-After</c> as a wait: seconds, or an HTTP date measured from the response's own <c>Date</c>
    /// (the server's clock) when it has one. Null when absent or already past.</summary>
    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } until ? until - (response.Headers.Date ?? options.Clock()) : (TimeSpan?)null);
        return wait > TimeSpan.Zero ? wait : null;
    }

    private ApiFailure Redact(ApiFailure failure) => failure with { Message = RedactText(failure.Message) };

    /// <summary>
    /// A body that echoes the request (a proxy's error page, a debugging endpoint) is cleaned before anything quotes
    /// it, so a cut-off snippet can never show part of a secret.
    /// </summary>
    private byte[] Redact(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var redacted = RedactText(text);
        return ReferenceEquals(redacted, text) ? body : Encoding.UTF8.GetBytes(redacted);
    }

    private string RedactText(string text)
    {
        var redacted = text;
        foreach (var secret in _secrets)
        {
            // As sent in a form body, as escaped in JSON, and as it is.
            redacted = redacted.Replace(Uri.EscapeDataString(secret), "***").Replace(JsonEncodedText.Encode(secret).ToString(), "***").Replace(secret, "***");
        }

        redacted = Regex.Replace(redacted, SignaturePattern, "$1***", RegexOptions.CultureInvariant);
        return redacted == text ? text : redacted;
    }
}
