using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>URLs accepted per area, checked and charged atomically so parallel requests cannot overdraw.</summary>
internal sealed class PurgeLedger(int dailyQuota)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, int> _accepted = new();

    public int DailyQuota => dailyQuota;

    public int Accepted(string area)
    {
        lock (_gate)
        {
            return _accepted.GetValueOrDefault(area);
        }
    }

    public int Available(string area) => dailyQuota - Accepted(area);

    /// <summary>All or nothing: a request that would exceed what is left is refused whole, as Tencent does.</summary>
    public bool TryCharge(string area, int count, out int available)
    {
        lock (_gate)
        {
            int used = _accepted.GetValueOrDefault(area);
            available = dailyQuota - used;
            if (count > available)
            {
                return false;
            }

            _accepted[area] = used + count;
            available -= count;
            return true;
        }
    }
}
