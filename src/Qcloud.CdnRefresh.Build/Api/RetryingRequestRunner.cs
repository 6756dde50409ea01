using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// Sends one API call, retrying retryable failures with backoff. Each attempt builds (and so signs) a new request,
/// runs under its own timeout, and is read and classified by the caller's parser.
/// </summary>
internal sealed class RetryingRequestRunner : IDisposable
{
    private readonly HttpClient http;
    private readonly ApiClientOptions options;
    private readonly string[] secrets;

    /// <remarks><c>secrets</c>: Values that must never appear in a failure message (secret key, token).</remarks>
    public RetryingRequestRunner(ApiClientOptions options, IEnumerable<string?> secrets)
    {
        this.options = options;
        this.secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToArray();

        // Our own per-attempt timeout replaces HttpClient's, which would otherwise cap every attempt at 100 s.
        http = options.Handler is null
            ? new HttpClient(new HttpClientHandler(), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan }
            : new HttpClient(options.Handler, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <remarks><c>buildRequest</c>: Called once per attempt, so every attempt carries a fresh timestamp, nonce and signature.
    /// <c>parse</c>: Reads the HTTP status and body of an attempt into a value or a classified failure.</remarks>
    public async Task<ApiCallResult<T>> RunAsync<T>(
        string action,
        Func<HttpRequestMessage> buildRequest,
        Func<int, byte[], ApiCallResult<T>> parse,
        CancellationToken cancellationToken)
        where T : class
    {
        var maxAttempts = 1 + Math.Max(0, options.MaxRetries);
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await AttemptAsync(buildRequest, parse, cancellationToken).ConfigureAwait(false);
            if (result.Failure is null)
            {
                return result.WithAttempts(attempt);
            }

            var failure = Redact(result.Failure);
            if (!failure.IsRetryable || attempt >= maxAttempts)
            {
                return ApiCallResult<T>.Failed(failure).WithAttempts(attempt);
            }

            var delay = RetryBackoff.Compute(attempt, options.InitialBackoff, options.MaxBackoff, options.Jitter());
            options.OnRetry?.Invoke(new RetryNotice { Action = action, Attempt = attempt, MaxAttempts = maxAttempts, Delay = delay, Failure = failure });
            await options.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<ApiCallResult<T>> AttemptAsync<T>(
        Func<HttpRequestMessage> buildRequest,
        Func<int, byte[], ApiCallResult<T>> parse,
        CancellationToken cancellationToken)
        where T : class
    {
        using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptCancellation.CancelAfter(options.RequestTimeout);
        var token = attemptCancellation.Token;
        try
        {
            using var request = buildRequest();

            // ResponseContentRead buffers the body inside SendAsync, under the same token: the timeout covers it.
            using var response = await WithCancellation(http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token), token).ConfigureAwait(false);
            var body = await ReadBodyAsync(response.Content, token).ConfigureAwait(false);
            return parse((int)response.StatusCode, body);
        }
        catch (Exception exception) when (IsTransportFailure(exception) && cancellationToken.IsCancellationRequested)
        {
            // The caller's cancellation is not a timeout and never retried: surface it as such.
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
        catch (Exception exception) when (IsTransportFailure(exception) && attemptCancellation.IsCancellationRequested)
        {
            return ApiCallResult<T>.Failed(ApiErrorClassifier.Timeout(options.RequestTimeout));
        }
        catch (Exception exception) when (IsTransportFailure(exception))
        {
            return ApiCallResult<T>.Failed(ApiErrorClassifier.NetworkError(exception));
        }
    }

    // A cancelled token can surface as any of these, depending on the platform and where the transfer was.
    private static bool IsTransportFailure(Exception exception) =>
        exception is HttpRequestException || exception is IOException || exception is OperationCanceledException;

    private static async Task<byte[]> ReadBodyAsync(HttpContent? content, CancellationToken token)
    {
        if (content is null)
        {
            return Array.Empty<byte>();
        }

#if NETFRAMEWORK
        return await WithCancellation(content.ReadAsByteArrayAsync(), token).ConfigureAwait(false);
#else
        return await content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
#endif
    }

    private static Task<TResult> WithCancellation<TResult>(Task<TResult> task, CancellationToken token)
    {
#if NETFRAMEWORK
        // .NET Framework's HttpClient does not always observe the token while it buffers a body; stop waiting anyway.
        return WaitOrCancelAsync(task, token);
#else
        _ = token;
        return task;
#endif
    }

#if NETFRAMEWORK
    private static async Task<TResult> WaitOrCancelAsync<TResult>(Task<TResult> task, CancellationToken token)
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (token.Register(() => cancelled.TrySetResult(true)))
        {
            if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
            {
                // Abandoned: observe its eventual fault so it is not reported as unobserved.
                _ = task.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
                throw new OperationCanceledException(token);
            }
        }

        return await task.ConfigureAwait(false);
    }
#endif

    private ApiFailure Redact(ApiFailure failure)
    {
        var message = failure.Message;
        foreach (var secret in secrets)
        {
            message = message.Replace(secret, "***");
        }

        return message == failure.Message ? failure : failure with { Message = message };
    }
}
