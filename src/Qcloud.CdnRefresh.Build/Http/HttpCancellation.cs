namespace Qcloud.CdnRefresh.Build.Http;

/// <summary>
/// Makes an HTTP call honour its token on every runtime: .NET Framework's HttpClient does not always observe it while
/// it buffers a body, so the caller stops waiting and the abandoned call is left to fail on its own.
/// </summary>
internal static class HttpCancellation
{
    public static async Task<TResult> WithCancellation<TResult>(Task<TResult> task, CancellationToken token)
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = token.Register(() => cancelled.TrySetResult(true));
        if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
        {
            // Abandoned: observe its eventual fault so it is not reported as unobserved.
            _ = task.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            throw new OperationCanceledException(token);
        }

        return await task.ConfigureAwait(false);
    }

    /// <summary>
    /// Times a request out: cancels <paramref name="request"/> when <paramref name="timer"/>, given
    /// <paramref name="timeout"/>, ends before <paramref name="requestEnded"/> is cancelled. The timer is a seam, so
    /// that tests time a request out on an event; production passes <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.
    /// </summary>
    public static async Task TimeOutAsync(
        Func<TimeSpan, CancellationToken, Task> timer, TimeSpan timeout, CancellationTokenSource request, CancellationToken requestEnded)
    {
        try
        {
            await timer(timeout, requestEnded).ConfigureAwait(false);
            request.Cancel();
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            // The request ended first, or as the timer did.
        }
    }

    /// <summary>The whole body, read under <paramref name="token"/>.</summary>
    public static Task<byte[]> ReadBodyAsync(HttpContent? content, CancellationToken token) =>
        content is null ? Task.FromResult(Array.Empty<byte>()) : WithCancellation(content.ReadAsByteArrayAsync(), token);
}
