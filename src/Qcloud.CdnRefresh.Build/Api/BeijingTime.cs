using System.Globalization;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// Tencent's day is Beijing time (UTC+8, no daylight saving), whatever the build machine's time zone: the daily quotas
/// reset and the v2 refresh logs are filed by it, so a refresh sent at 23:30 UTC is in the next day's log.
/// </summary>
internal static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    private const string DayFormat = "yyyy-MM-dd";

    /// <summary><paramref name="instant"/> in Beijing time as <paramref name="format"/>, e.g. <c>yyyyMMdd</c> or <c>yyyy-MM-dd 23:59:59</c>.</summary>
    public static string Format(DateTimeOffset instant, string format) =>
        instant.ToOffset(Offset).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The date (time of day zero) that <paramref name="instant"/> falls on in Beijing: the quota day.</summary>
    public static DateTime DayOf(DateTimeOffset instant) => instant.ToOffset(Offset).Date;

    /// <summary>A day as the usage file stores it, <c>yyyy-MM-dd</c>; text of that fixed width sorts by date.</summary>
    public static string FormatDay(DateTime day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a <c>yyyy-MM-dd</c> day, as the usage file stores it.</summary>
    public static bool TryParseDay(string? text, out DateTime day) =>
        DateTime.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>Reads Tencent's <c>yyyy-MM-dd HH:mm:ss</c> (Beijing time); null for anything else.</summary>
    public static DateTimeOffset? Parse(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, Offset)
            : null;
}
