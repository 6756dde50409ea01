using System;
using System.Globalization;
using System.IO;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>Peak resident memory as Linux records it; null elsewhere, where the benchmark reports no memory figure.</summary>
internal static class PeakMemory
{
    /// <summary><c>VmHWM</c> of this process: the most physical memory it ever held, in KiB.</summary>
    public static long? OfThisProcessKb()
    {
        const string StatusFile = "/proc/self/status";
        if (!File.Exists(StatusFile))
        {
            return null;
        }

        foreach (var line in File.ReadLines(StatusFile))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var digits = line.Substring("VmHWM:".Length).Trim().Split(' ')[0];
                return long.Parse(digits, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
