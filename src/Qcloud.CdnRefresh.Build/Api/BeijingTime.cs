using System;
using System.Globalization;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// Tencent's day is Beijing time (UTC+8, no daylight saving): the daily quotas reset and the v2 refresh logs are filed
/// by it, so a refresh sent at 23:30 UTC is in the next day's log.
/// </summary>
internal static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The Beijing date of <paramref name="instant"/> as <c>yyyyMMdd</c> (<c>GetCdnOverseaRefreshLog</c> <c>date</c>).</summary>
    public static string CompactDate(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The start of the Beijing day of <paramref name="instant"/>, as <c>yyyy-MM-dd 00:00:00</c>.</summary>
    public static string StartOfDay(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00";

    /// <summary>The end of the Beijing day of <paramref name="instant"/>, as <c>yyyy-MM-dd 23:59:59</c>.</summary>
    public static string EndOfDay(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 23:59:59";

    /// <summary>Reads Tencent's <c>yyyy-MM-dd HH:mm:ss</c> (Beijing time); null for anything else.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        return DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, Offset)
            : null;
    }
}
