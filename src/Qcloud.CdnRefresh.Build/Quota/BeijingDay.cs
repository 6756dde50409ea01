using System;
using System.Globalization;
using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>
/// The quota day: Tencent Cloud resets refresh quotas at midnight Beijing time (UTC+8, no daylight saving), whatever
/// the build machine's time zone, so a day is counted in that clock.
/// </summary>
internal static class BeijingDay
{
    /// <summary>The date (time of day zero, kind unspecified) that <paramref name="now"/> falls on in Beijing.</summary>
    public static DateTime Of(DateTimeOffset now) => now.ToOffset(BeijingTime.Offset).Date;

    /// <summary><c>yyyy-MM-dd</c>, as stored in the usage file.</summary>
    public static string Format(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTime day) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
