using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>Everything the handlers share: keys, clock, quota, seen nonces, id sources.</summary>
internal sealed class FakeApiState
{
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nonces = new(StringComparer.Ordinal);
    private readonly HashSet<string>? _knownHosts;
    private readonly object _hangGate = new();
    private Func<DateTimeOffset> _clock;
    private long _sequence;
    private long _taskCounter;
    private int _hangsStarted;
    private Action? _onHangStarted;

    public FakeApiState(FakeTencentApiOptions options)
    {
        Options = options;
        Ledger = new PurgeLedger(options.DailyQuota);
        PathLedger = new PurgeLedger(options.DailyPathQuota);
        Tasks = new PurgeTaskStore(options.TaskQueriesUntilDone);
        _clock = options.Clock ?? (() => DateTimeOffset.UtcNow);
        _keys[options.SecretId] = options.SecretKey;
        foreach (var pair in options.ExtraKeys)
        {
            _keys[pair.Key] = pair.Value;
        }

        if (options.KnownHosts is not null)
        {
            _knownHosts = new HashSet<string>(options.KnownHosts, StringComparer.OrdinalIgnoreCase);
        }
    }

    public FakeTencentApiOptions Options { get; }

    public PurgeLedger Ledger { get; }

    /// <summary>Directories accepted per area.</summary>
    public PurgeLedger PathLedger { get; }

    public PurgeTaskStore Tasks { get; }

    /// <summary>EdgeOne targets that <c>CreatePurgeTask</c> lists in its <c>FailedList</c>, with the reason given.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> RejectedTargets { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset Now => Volatile.Read(ref _clock)();

    public void SetClock(Func<DateTimeOffset> clock) => Volatile.Write(ref _clock, clock);

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public string? SecretKeyFor(string? secretId) =>
        secretId is not null && _keys.TryGetValue(secretId, out string? key) ? key : null;

    public bool IsKnownHost(string host) => _knownHosts is null || _knownHosts.Contains(host);

    /// <summary>False when this nonce was already used with this SecretId.</summary>
    public bool TryUseNonce(string secretId, string nonce)
    {
        lock (_nonces)
        {
            return _nonces.Add(secretId + "\n" + nonce);
        }
    }

    /// <summary>Shaped like Tencent's <c>1533045796-i60rfmzm</c>; the counter makes it unique.</summary>
    public string NewV3TaskId()
    {
        long n = Interlocked.Increment(ref _taskCounter);
        string suffix = Base36(n).PadLeft(3, '0') + Guid.NewGuid().ToString("N")[..5];
        return Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "-" + suffix;
    }

    /// <summary>19 digits like <c>1480069888795584532</c>: 13 of milliseconds, 6 of counter.</summary>
    public string NewV2TaskId()
    {
        long n = Interlocked.Increment(ref _taskCounter) % 1_000_000;
        long ms = Math.Clamp(Now.ToUnixTimeMilliseconds(), 1_000_000_000_000, 9_999_999_999_999);
        return ms.ToString(CultureInfo.InvariantCulture) + n.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static string Base36(long value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        string result = "";
        do
        {
            result = digits[(int)(value % 36)] + result;
            value /= 36;
        }
        while (value > 0);
        return result;
    }

    /// <summary>Hangs that have begun: a request held by a hang is recorded only when it ends, so tests wait on this.</summary>
    public int HangsStarted => Volatile.Read(ref _hangsStarted);

    public void HangStarted()
    {
        Interlocked.Increment(ref _hangsStarted);
        Action? onHangStarted;
        lock (_hangGate)
        {
            onHangStarted = _onHangStarted;
        }

        onHangStarted?.Invoke();
    }

    /// <summary>Runs <paramref name="action"/> each time a hang begins, on the server's thread.</summary>
    public void OnHangStarted(Action action)
    {
        lock (_hangGate)
        {
            _onHangStarted += action;
        }
    }
}
