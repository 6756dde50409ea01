using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>
/// The usage file: <c>{"version":1,"days":[{"day":"2026-11-30","area":"overseas","urls":120,"directories":3}]}</c>.
/// </summary>
internal sealed partial class DailyUsageJson
{
    public const int CurrentVersion = 1;

    public int? Version { get; set; }

    public List<DayJson?>? Days { get; set; }

    /// <summary>The usage file's version alone, read before anything else: a newer format may mean something else by the rest.</summary>
    internal sealed class VersionJson
    {
        public int? Version { get; set; }
    }

    /// <summary>One element of <c>days</c>, as written and as read before it is judged.</summary>
    internal sealed class DayJson
    {
        /// <summary><c>yyyy-MM-dd</c>, the Beijing day.</summary>
        public string? Day { get; set; }

        public string? Area { get; set; }

        /// <summary>Zero when missing: a writer may leave out a kind it never used (but null is no count).</summary>
        public long Urls { get; set; }

        public long Directories { get; set; }

        public static DayJson From(DailyUsageStore.Entry entry) => new()
        {
            Day = entry.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Area = entry.Area,
            Urls = entry.Urls,
            Directories = entry.Directories,
        };

        /// <exception cref="InvalidDataException">The first defect, worded for a <c>ManifestCorrupt</c> warning.</exception>
        public DailyUsageStore.Entry ToEntry()
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

            return new DailyUsageStore.Entry(day, DailyUsageStore.NormalizeArea(Area!), Urls, Directories);
        }
    }

    /// <summary>The serializer's view of the usage file: camelCase names, indented, lenient to a hand edit.</summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true)]
    [JsonSerializable(typeof(VersionJson))]
    [JsonSerializable(typeof(DailyUsageJson))]
    internal sealed partial class UsageJsonContext : JsonSerializerContext
    {
    }
}
