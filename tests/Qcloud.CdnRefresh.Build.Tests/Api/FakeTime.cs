using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

/// <summary>A clock that only moves when the client waits: backoff delays return at once and are recorded.</summary>
public sealed class FakeTime
{
    private readonly List<TimeSpan> delays = new();

    public FakeTime(DateTimeOffset start)
    {
        Now = start;
    }

    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<TimeSpan> Delays => delays;

    public DateTimeOffset Clock() => Now;

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        delays.Add(delay);

        // At least a second, so a retry always carries a new timestamp even after a tiny test backoff.
        Now += delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay;
        return Task.CompletedTask;
    }
}
