using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Qcloud.CdnRefresh.Build.Tests;

/// <summary>
/// The tests' one fake clock, which moves only when the code under test waits: waiting returns at once, records the
/// delay and moves the clock on by at least a second, so a retry carries a new timestamp. A request's timeout never
/// passes by itself: it passes when a test calls <see cref="TimeOutRequests"/>, on an event such as "the fake holds the
/// request". It may be shared with the fake server, which reads it on its own threads, so it is locked.
/// </summary>
public sealed class FakeClock
{
    private readonly object gate = new();
    private readonly List<TimeSpan> delays = new();
    private readonly List<TaskCompletionSource<bool>> requestTimers = new();
    private DateTimeOffset now;

    public FakeClock(DateTimeOffset start)
    {
        now = start;
    }

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (gate)
            {
                return delays.ToArray();
            }
        }
    }

    public DateTimeOffset Now()
    {
        lock (gate)
        {
            return now;
        }
    }

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            delays.Add(delay);
            now += delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay;
        }

        return Task.CompletedTask;
    }

    /// <summary>The request timer on this clock: it ends only when <see cref="TimeOutRequests"/> is called.</summary>
    public Task RequestTimer(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var timer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = cancellationToken.Register(() => timer.TrySetCanceled(cancellationToken));
        timer.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        lock (gate)
        {
            requestTimers.Add(timer);
        }

        return timer.Task;
    }

    /// <summary>Every request in flight times out now; a request sent later gets a timer of its own.</summary>
    public void TimeOutRequests()
    {
        TaskCompletionSource<bool>[] due;
        lock (gate)
        {
            due = requestTimers.ToArray();
            requestTimers.Clear();
        }

        foreach (var timer in due)
        {
            timer.TrySetResult(true);
        }
    }
}
