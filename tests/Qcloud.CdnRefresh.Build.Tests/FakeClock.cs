using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Qcloud.CdnRefresh.Build.Tests;

/// <summary>
/// The tests' one fake clock, which moves only when the code under test waits: waiting returns at once, records the
/// delay and moves the clock on by at least a second, so a retry carries a new timestamp. It may be shared with the
/// fake server, which reads it on its own threads, so it is locked.
/// </summary>
public sealed class FakeClock
{
    private readonly object gate = new();
    private readonly List<TimeSpan> delays = new();
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
}
