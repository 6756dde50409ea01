using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>
/// Polls Tencent until every submitted refresh is done or failed, or the wait timeout passes. Time is the larger of the
/// delays asked for and the clock, so the injected delay of tests makes waiting instant and the timeout deterministic.
/// </summary>
internal static class RefreshWaiter
{
    public static readonly TimeSpan FirstInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(15);

    public static async Task<WaitResult> WaitAsync(
        IRefreshProvider provider,
        IReadOnlyList<SubmittedBatch> batches,
        TimeSpan timeout,
        Func<TimeSpan, CancellationToken, Task> delay,
        Func<DateTimeOffset> clock,
        CancellationToken cancellationToken)
    {
        var started = clock();
        var waited = TimeSpan.Zero;
        var interval = FirstInterval;
        var polls = 0;

        // Failures seen on any poll are kept: a later poll that fails or a cancellation must not forget them.
        var failed = new List<string>();
        var failedSet = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (true)
            {
                polls++;
                var status = await provider.GetStatusAsync(batches, cancellationToken).ConfigureAwait(false);
                foreach (var url in status.FailedUrls.Where(failedSet.Add))
                {
                    failed.Add(url);
                }

                if (status.Failure is not null)
                {
                    return new WaitResult { Failed = failed, QueryFailure = status.Failure, Polls = polls, Waited = waited };
                }

                // Not in the log yet counts as running: v2 logs appear a little after the submission.
                var running = status.Statuses.Where(s => s.Status is RefreshStatus.Running or RefreshStatus.Unknown).Select(s => s.Url).ToList();
                if (running.Count == 0 || waited >= timeout)
                {
                    return new WaitResult { Failed = failed, StillRunning = running, Polls = polls, Waited = waited };
                }

                var next = interval < timeout - waited ? interval : timeout - waited;
                await delay(next, cancellationToken).ConfigureAwait(false);

                // The pauses asked for, or the clock when status calls themselves take time: whichever says more.
                var elapsed = clock() - started;
                waited = waited + next > elapsed ? waited + next : elapsed;
                interval = TimeSpan.FromTicks(Math.Min(MaxInterval.Ticks, (long)(interval.Ticks * 1.5)));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new WaitResult { Failed = failed, Cancelled = true, Polls = polls, Waited = waited };
        }
    }
}
