using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>Peak resident memory as Linux records it; null elsewhere, where the benchmark reports no memory figure.</summary>
internal static class PeakMemory
{
    private const string GnuTime = "/usr/bin/time";

    /// <summary>Whether <see cref="Run"/> can measure a child's peak: GNU time (Debian package <c>time</c>) is installed.</summary>
    public static bool CanMeasureChildren => File.Exists(GnuTime);

    /// <summary><c>VmHWM</c> of this process: the most physical memory it ever held, in KiB.</summary>
    public static long? OfThisProcessKb() => StatusField("VmHWM:");

    /// <summary><c>VmRSS</c> of this process: the physical memory it holds now, in KiB.</summary>
    public static long? CurrentKb() => StatusField("VmRSS:");

    /// <summary>
    /// Runs a command as <see cref="ProcessRunner.Run"/> does, under <c>/usr/bin/time -f %M</c> when it is installed:
    /// the peak resident memory of the command's process (or of its largest child), in bytes; null without GNU time.
    /// </summary>
    public static (ProcessResult Result, long? PeakBytes) Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        if (!CanMeasureChildren)
        {
            return (ProcessRunner.Run(fileName, arguments, workingDirectory), null);
        }

        var reportFile = Path.GetTempFileName();
        try
        {
            var result = ProcessRunner.Run(GnuTime, new[] { "-f", "%M", "-o", reportFile, fileName }.Concat(arguments), workingDirectory);

            // After a failed command GNU time writes "Command exited with non-zero status N" above the figure.
            var lastLine = File.ReadAllLines(reportFile).LastOrDefault(line => line.Length > 0);
            long? peakBytes = long.TryParse(lastLine, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : null;
            return (result, peakBytes);
        }
        finally
        {
            File.Delete(reportFile);
        }
    }

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
