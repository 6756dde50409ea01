using System.Text.Json;
using System.Text.Json.Serialization;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Manifest;
using static System.FormattableString;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>
/// API 2.0 cannot tell how much of today's refresh quota is left, so this counts what the API accepted, per Beijing day,
/// area and kind, in <c>&lt;manifest&gt;.usage.json</c> next to the manifest. The count covers the builds that share
/// this manifest, not other machines or the console; it is a guard, and the API still has the last word.
/// Callers hold the manifest's lock from <see cref="Load"/> to <see cref="Save"/>, so the file needs none of its own.
/// </summary>
/// <param name="fullPath">The usage file.</param>
/// <param name="temporaryPathFor">A test seam for where the temporary file of <see cref="Save"/> goes.</param>
internal sealed partial class DailyUsageStore(string fullPath, Func<string, string>? temporaryPathFor)
{
    /// <summary>Appended to the manifest's path, as the lock file's <c>.lock</c> is.</summary>
    public const string FileSuffix = ".usage.json";

    private const int FormatVersion = 1;

    // Keyed by text rather than a (day, area) tuple, whose dictionary code would be compiled anew in every build; the
    // key's fixed-width day comes first, so the keys sort by day, then area.
    private readonly SortedDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>A corrupt or newer-version file: for the caller to log with its code. Counting starts from zero then.</summary>
    public IReadOnlyList<ManifestDiagnostic> Warnings { get; private set; } = [];

    /// <summary>False for a file of a newer format: <see cref="Save"/> leaves it alone, as the manifest is left alone.</summary>
    public bool MayOverwrite { get; private set; } = true;

    /// <summary>The entries kept in memory (today's, yesterday's, and any added since), sorted by day and area.</summary>
    public IReadOnlyList<Entry> Entries => [.. _entries.Values];

    /// <summary>Where the usage file of the manifest at <paramref name="manifestPath"/> lives.</summary>
    public static string PathFor(string manifestPath) => Path.GetFullPath(manifestPath) + FileSuffix;

    /// <summary>
    /// Reads the usage file. Missing is zero use; corrupt is zero use plus a warning. Only the Beijing days of
    /// <paramref name="now"/> and the day before (a run that started before midnight) are kept, so the file stays small.
    /// </summary>
    /// <exception cref="CdnRefreshException"><see cref="DiagnosticCodes.FileUnreadable"/>: the file exists but cannot be read.</exception>
    public static DailyUsageStore Load(string path, DateTimeOffset now, Func<string, string>? temporaryPathFor = null)
    {
        path = Path.GetFullPath(path);
        var store = new DailyUsageStore(path, temporaryPathFor);
        try
        {
            // Share everything, as the manifest does, so reading never blocks an atomic replace.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            store.Read(stream, now);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            // No file yet: nothing was accepted today.
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CdnRefreshException(
                DiagnosticCodes.FileUnreadable,
                $"Cannot read the refresh usage file '{path}': {exception.Message} Make it readable, or delete it to count today's use from zero.",
                exception);
        }

        return store;
    }

    /// <summary>How much of <paramref name="kind"/> the API accepted for <paramref name="area"/> on the Beijing day of <paramref name="now"/>.</summary>
    public long Used(string area, RefreshTarget kind, DateTimeOffset now) =>
        _entries.TryGetValue(KeyOf(BeijingTime.DayOf(now), NormalizeArea(area)), out var entry)
            ? (kind == RefreshTarget.Directories ? entry.Directories : entry.Urls)
            : 0;

    /// <summary>Counts <paramref name="count"/> accepted entries on the Beijing day of <paramref name="now"/>; call it as soon as a batch is accepted.</summary>
    public void Add(string area, RefreshTarget kind, long count, DateTimeOffset now)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "An accepted count is 0 or more.");
        }

        if (string.IsNullOrWhiteSpace(area))
        {
            throw new ArgumentException("The area is 'overseas' or 'mainland'.", nameof(area));
        }

        var isDirectories = kind == RefreshTarget.Directories;
        Count(new Entry(BeijingTime.DayOf(now), NormalizeArea(area), isDirectories ? 0 : count, isDirectories ? count : 0));
    }

    /// <summary>Replaces the usage file atomically (a crash leaves the old or the new count, never half a file).</summary>
    /// <returns>False when the file was left alone because a newer version wrote it (see <see cref="MayOverwrite"/>).</returns>
    /// <exception cref="CdnRefreshException"><see cref="DiagnosticCodes.ManifestWriteFailed"/>; the old file is intact.</exception>
    public bool Save()
    {
        if (!MayOverwrite)
        {
            return false;
        }

        try
        {
            // Sorted (see Entries), so an unchanged count gives a byte-identical file.
            var file = new FileJson { Version = FormatVersion, Days = [.. Entries.Select(DayJson.From)] };
            AtomicFileWriter.Write(
                fullPath,
                stream =>
                {
                    JsonSerializer.Serialize(stream, file, UsageJsonContext.Default.FileJson);
                    stream.WriteByte((byte)'\n');
                },
                temporaryPathFor);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CdnRefreshException(
                DiagnosticCodes.ManifestWriteFailed,
                $"Cannot write the refresh usage file '{fullPath}': {exception.Message} Today's accepted refreshes are not counted, so the "
                + "next run may ask for more than CdnRefreshDailyQuota allows. Make the folder writable and check the free disk space.",
                exception);
        }
    }

    private static string NormalizeArea(string area) => area.Trim().ToLowerInvariant();

    private void Read(Stream stream, DateTimeOffset now)
    {
        try
        {
            // The version alone first: a newer format may mean something else by the rest.
            var versionOnly = JsonSerializer.Deserialize(stream, UsageJsonContext.Default.VersionJson);
            if (versionOnly?.Version is not { } version || version < 1)
            {
                throw new InvalidDataException("'version' is missing or not a positive whole number");
            }

            if (version > FormatVersion)
            {
                MayOverwrite = false;
                Warnings = [new(
                    DiagnosticCodes.ManifestNewerVersion,
                    Invariant($"The refresh usage file '{fullPath}' has format version {version}, but this version of ")
                    + Invariant($"Qcloud.CdnRefresh.Build reads version {FormatVersion} at most. Today's use is counted from zero ")
                    + "and the file is left untouched. Update the Qcloud.CdnRefresh.Build package to the version that wrote it.")];
                return;
            }

            stream.Position = 0;
            var days = JsonSerializer.Deserialize(stream, UsageJsonContext.Default.FileJson)!.Days
                ?? throw new InvalidDataException("'days' is missing or not an array");
            var entries = days.Select(day => day?.ToEntry() ?? throw new InvalidDataException("an element of 'days' is not an object")).ToList();
            var yesterday = BeijingTime.DayOf(now).AddDays(-1);
            foreach (var entry in entries.Where(e => e.Day >= yesterday && e.Day <= yesterday.AddDays(2)))
            {
                Count(entry);
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException)
        {
            Warnings = [new(
                DiagnosticCodes.ManifestCorrupt,
                $"The refresh usage file '{fullPath}' is not valid ({exception.Message}). Today's use is counted from zero and the file "
                + "is replaced after this run, so CdnRefreshDailyQuota may let through more than is left; if Tencent Cloud then answers "
                + "that the quota is exceeded, wait until midnight Beijing time (16:00 UTC).")];
        }
    }

    /// <summary>Adds an entry to what is counted; two entries for one day and area (a hand edit) add up, since counting too much is the safe side.</summary>
    private void Count(Entry entry)
    {
        var key = KeyOf(entry.Day, entry.Area);
        _entries[key] = _entries.TryGetValue(key, out var known)
            ? known with { Urls = known.Urls + entry.Urls, Directories = known.Directories + entry.Directories }
            : entry;
    }

    private static string KeyOf(DateTime day, string area) => BeijingTime.FormatDay(day) + "|" + area;

    /// <summary>What one area accepted on one Beijing day.</summary>
    internal sealed record Entry(DateTime Day, string Area, long Urls, long Directories);

    /// <summary>The usage file: <c>{"version":1,"days":[{"day":"2026-11-30","area":"overseas","urls":120,"directories":3}]}</c>.</summary>
    private sealed class FileJson
    {
        public int? Version { get; set; }

        public List<DayJson?>? Days { get; set; }
    }

    /// <summary>The usage file's version alone, read before anything else: a newer format may mean something else by the rest.</summary>
    private sealed class VersionJson
    {
        public int? Version { get; set; }
    }

    /// <summary>One element of <c>days</c>, as written and as read before it is judged.</summary>
    private sealed class DayJson
    {
        /// <summary><c>yyyy-MM-dd</c>, the Beijing day.</summary>
        public string? Day { get; set; }

        public string? Area { get; set; }

        /// <summary>Zero when missing: a writer may leave out a kind it never used (but null is no count).</summary>
        public long Urls { get; set; }

        public long Directories { get; set; }

        public static DayJson From(Entry entry) => new()
        {
            Day = BeijingTime.FormatDay(entry.Day),
            Area = entry.Area,
            Urls = entry.Urls,
            Directories = entry.Directories,
        };

        /// <exception cref="InvalidDataException">The first defect, worded for a <c>ManifestCorrupt</c> warning.</exception>
        public Entry ToEntry()
        {
            var defect = !BeijingTime.TryParseDay(Day, out var day) ? "an element of 'days' has no 'day' in the form yyyy-MM-dd"
                : string.IsNullOrWhiteSpace(Area) ? "an element of 'days' has no 'area'"
                : Urls < 0 || Directories < 0
                    ? $"'{(Urls < 0 ? "urls" : "directories")}' of an element of 'days' is not a whole number of at least 0"
                : null;
            return defect is null ? new Entry(day, NormalizeArea(Area!), Urls, Directories) : throw new InvalidDataException(defect);
        }
    }

    /// <summary>The serializer's view of the usage file: camelCase names, indented, lenient to a hand edit.</summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true)]
    [JsonSerializable(typeof(VersionJson))]
    [JsonSerializable(typeof(FileJson))]
    private sealed partial class UsageJsonContext : JsonSerializerContext
    {
    }
}
