using System;
using System.Globalization;
using System.IO;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>Peak resident memory as Linux records it; null elsewhere, where the benchmark reports no memory figure.</summary>
internal static class PeakMemory
{
    /// <summary><c>VmHWM</c> of this process: the most physical memory it ever held, in KiB.</summary>
    public static long? OfThisProcessKb() => StatusField("VmHWM:");

    /// <summary><c>VmRSS</c> of this process: the physical memory it holds now, in KiB.</summary>
    public static long? CurrentKb() => StatusField("VmRSS:");

    private static long? StatusField(string field)
    {
        const string StatusFile = "/proc/self/status";
        if (!File.Exists(StatusFile))
        {
            return null;
        }

        foreach (var line in File.ReadLines(StatusFile))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var digits = line.Substring(field.Length).Trim().Split(' ')[0];
                return long.Parse(digits, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
