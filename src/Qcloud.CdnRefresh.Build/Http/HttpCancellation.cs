using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Qcloud.CdnRefresh.Build.Http;

/// <summary>
/// Makes an HTTP call honour its token on .NET Framework too, whose HttpClient does not always observe it while it
/// buffers a body: the caller stops waiting, and the abandoned call is left to fail on its own.
/// </summary>
internal static class HttpCancellation
{
    public static Task<TResult> WithCancellation<TResult>(Task<TResult> task, CancellationToken token)
    {
#if NETFRAMEWORK
        return WaitOrCancelAsync(task, token);
#else
        _ = token;
        return task;
#endif
    }

    /// <summary>The whole body, read under <paramref name="token"/>.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpContent? content, CancellationToken token)
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
}
