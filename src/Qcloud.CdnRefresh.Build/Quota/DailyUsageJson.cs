using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>
/// The usage file's JSON: <c>{"version":1,"days":[{"day":"2026-11-30","area":"overseas","urls":120,"directories":3}]}</c>.
/// Read by hand from a <see cref="JsonDocument"/> so unknown fields are ignored and every defect is one exception type.
/// </summary>
internal static class DailyUsageJson
{
    public const int CurrentVersion = 1;

    private const string VersionName = "version";
    private const string DaysName = "days";
    private const string DayName = "day";
    private const string AreaName = "area";
    private const string UrlsName = "urls";
    private const string DirectoriesName = "directories";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Entries sorted by day and area, so an unchanged count gives a byte-identical file.</summary>
    public static byte[] Serialize(IEnumerable<DailyUsageEntry> entries)
    {
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber(VersionName, CurrentVersion);
            writer.WriteStartArray(DaysName);
            foreach (var entry in entries.OrderBy(e => e.Day).ThenBy(e => e.Area, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString(DayName, BeijingDay.Format(entry.Day));
                writer.WriteString(AreaName, entry.Area);
                writer.WriteNumber(UrlsName, entry.Urls);
                writer.WriteNumber(DirectoriesName, entry.Directories);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
        return output.ToArray();
    }

    /// <summary>The format version of a document, read before anything else: a newer one may mean something else.</summary>
    /// <exception cref="FormatException">The content is not a usage document.</exception>
    public static int ReadVersion(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("the document is not a JSON object");
        }

        if (!root.TryGetProperty(VersionName, out var version) || version.ValueKind != JsonValueKind.Number
            || !version.TryGetInt32(out var number) || number < 1)
        {
            throw new FormatException("'version' is missing or not a positive whole number");
        }

        return number;
    }

    /// <exception cref="FormatException">The content is not a usage document.</exception>
    public static IReadOnlyList<DailyUsageEntry> ReadEntries(JsonElement root)
    {
        if (!root.TryGetProperty(DaysName, out var days) || days.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("'days' is missing or not an array");
        }

        return days.EnumerateArray().Select(ReadEntry).ToList();
    }

    /// <exception cref="JsonException">The content is not JSON.</exception>
    public static JsonDocument Parse(byte[] content)
    {
        // A BOM from a hand edit in an old editor is not a defect.
        var start = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        return JsonDocument.Parse(new ReadOnlyMemory<byte>(content, start, content.Length - start), DocumentOptions);
    }

    private static DailyUsageEntry ReadEntry(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("an element of 'days' is not an object");
        }

        if (!entry.TryGetProperty(DayName, out var day) || day.ValueKind != JsonValueKind.String || !BeijingDay.TryParse(day.GetString(), out var date))
        {
            throw new FormatException("an element of 'days' has no 'day' in the form yyyy-MM-dd");
        }

        if (!entry.TryGetProperty(AreaName, out var area) || area.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(area.GetString()))
        {
            throw new FormatException("an element of 'days' has no 'area'");
        }

        return new DailyUsageEntry(date, area.GetString()!.Trim().ToLowerInvariant(), Count(entry, UrlsName), Count(entry, DirectoriesName));
    }

    // A missing count is zero: a writer may leave out a kind it never used.
    private static long Count(JsonElement entry, string name)
    {
        if (!entry.TryGetProperty(name, out var value))
        {
            return 0;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var count) || count < 0)
        {
            throw new FormatException($"'{name}' of an element of 'days' is not a whole number of at least 0");
        }

        return count;
    }
}
