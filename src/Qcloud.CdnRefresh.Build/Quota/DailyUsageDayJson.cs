using System.Globalization;
using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>One element of the usage file's <c>days</c> array, as written and as read before it is judged.</summary>
internal sealed class DailyUsageDayJson
{
    /// <summary><c>yyyy-MM-dd</c>, the Beijing day.</summary>
    public string? Day { get; set; }

    public string? Area { get; set; }

    /// <summary>Zero when missing: a writer may leave out a kind it never used (but null is no count).</summary>
    public long Urls { get; set; }

    public long Directories { get; set; }

    public static DailyUsageDayJson From(DailyUsageEntry entry) => new()
    {
        Day = entry.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Area = entry.Area,
        Urls = entry.Urls,
        Directories = entry.Directories,
    };

    /// <exception cref="InvalidDataException">The first defect, worded for a <c>ManifestCorrupt</c> warning.</exception>
    public DailyUsageEntry ToEntry()
    {
        if (!BeijingTime.TryParseDay(Day, out var day))
        {
            throw new InvalidDataException("an element of 'days' has no 'day' in the form yyyy-MM-dd");
        }

        if (string.IsNullOrWhiteSpace(Area))
        {
            throw new InvalidDataException("an element of 'days' has no 'area'");
        }

        if (Urls < 0 || Directories < 0)
        {
            var name = Urls < 0 ? "urls" : "directories";
            throw new InvalidDataException($"'{name}' of an element of 'days' is not a whole number of at least 0");
        }

        return new DailyUsageEntry(day, Area!.Trim().ToLowerInvariant(), Urls, Directories);
    }
}
