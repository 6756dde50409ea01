using System;
using System.Collections.Generic;
using System.Linq;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>Medians: on a shared machine one slow repetition must not move the figure.</summary>
internal static class Median
{
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static TimeSpan Of(IEnumerable<TimeSpan> values) => TimeSpan.FromTicks((long)Of(values.Select(v => (double)v.Ticks)));
}
