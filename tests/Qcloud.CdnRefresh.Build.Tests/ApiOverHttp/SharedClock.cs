using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Qcloud.CdnRefresh.Build.Tests.ApiOverHttp;

/// <summary>
/// One clock for the client and the fake server (read on the server's threads, so it is locked). Waiting returns at
/// once, records the delay and moves the clock on by at least a second, so a retry carries a new timestamp.
/// </summary>
public sealed class SharedClock
{
    private readonly object gate = new();
    private readonly List<TimeSpan> delays = new();
    private DateTimeOffset now;

    public SharedClock(DateTimeOffset start)
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
