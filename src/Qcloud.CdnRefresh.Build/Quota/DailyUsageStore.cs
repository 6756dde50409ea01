using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Manifest;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>
/// API 2.0 cannot tell how much of today's refresh quota is left, so this counts what the API accepted, per Beijing day,
/// area and kind, in <c>&lt;manifest&gt;.usage.json</c> next to the manifest. The count covers the builds that share
/// this manifest, not other machines or the console; it is a guard, and the API still has the last word.
/// Callers hold the manifest's lock from <see cref="Load(string, DateTimeOffset)"/> to <see cref="Save"/>, so the file needs none of its own.
/// </summary>
internal sealed class DailyUsageStore
{
    /// <summary>Appended to the manifest's path, as the lock file's <c>.lock</c> is.</summary>
    public const string FileSuffix = ".usage.json";

    private readonly Dictionary<string, DailyUsageEntry> _entries;
    private readonly Func<string, string>? _temporaryPathFor;

    private DailyUsageStore(
        string path,
        IEnumerable<DailyUsageEntry> entries,
        IReadOnlyList<ManifestDiagnostic> warnings,
        bool mayOverwrite,
        Func<string, string>? temporaryPathFor)
    {
        FilePath = path;
        _entries = new Dictionary<string, DailyUsageEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            // Two entries for one day and area (a hand edit) add up: counting too much is the safe side.
            var key = KeyOf(entry.Day, entry.Area);
            _entries[key] = _entries.TryGetValue(key, out var known)
                ? known.Plus(RefreshTarget.Urls, entry.Urls).Plus(RefreshTarget.Directories, entry.Directories)
                : entry;
        }

        Warnings = warnings;
        MayOverwrite = mayOverwrite;
        _temporaryPathFor = temporaryPathFor;
    }

    public string FilePath { get; }

    /// <summary>A corrupt or newer-version file: for the caller to log with its code. Counting starts from zero then.</summary>
    public IReadOnlyList<ManifestDiagnostic> Warnings { get; }

    /// <summary>False for a file of a newer format: <see cref="Save"/> leaves it alone, as the manifest is left alone.</summary>
    public bool MayOverwrite { get; }

    /// <summary>The entries kept in memory (today's, yesterday's, and any added since), sorted by day and area.</summary>
    public IReadOnlyList<DailyUsageEntry> Entries =>
        _entries.Values.OrderBy(e => e.Day).ThenBy(e => e.Area, StringComparer.Ordinal).ToList();

    /// <summary>Where the usage file of the manifest at <paramref name="manifestPath"/> lives.</summary>
    public static string PathFor(string manifestPath) => Path.GetFullPath(manifestPath) + FileSuffix;

    /// <summary>
    /// Reads the usage file. Missing is zero use; corrupt is zero use plus a warning. Only the Beijing days of
    /// <paramref name="now"/> and the day before (a run that started before midnight) are kept, so the file stays small.
    /// </summary>
    /// <exception cref="CdnRefreshException"><see cref="DiagnosticCodes.FileUnreadable"/>: the file exists but cannot be read.</exception>
    public static DailyUsageStore Load(string path, DateTimeOffset now) => Load(path, now, temporaryPathFor: null);

    /// <summary>As <see cref="Load(string, DateTimeOffset)"/>, with a test seam.</summary>
    /// <param name="path">The usage file (see <see cref="PathFor"/>).</param>
    /// <param name="now">The clock, for the Beijing day.</param>
    /// <param name="temporaryPathFor">Test seam: where the temporary file of the atomic write goes.</param>
    internal static DailyUsageStore Load(string path, DateTimeOffset now, Func<string, string>? temporaryPathFor)
    {
        var fullPath = Path.GetFullPath(path);
        var content = ReadOrNull(fullPath);
        if (content is null)
        {
            return new DailyUsageStore(fullPath, Array.Empty<DailyUsageEntry>(), Array.Empty<ManifestDiagnostic>(), mayOverwrite: true, temporaryPathFor);
        }

        try
        {
            var json = content.AsSpan(content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0);
            if (JsonSerializer.Deserialize(json, DailyUsageJsonContext.Default.DailyUsageVersionJson)?.Version is not { } version || version < 1)
            {
                throw new InvalidDataException("'version' is missing or not a positive whole number");
            }

            if (version > DailyUsageJson.CurrentVersion)
            {
                var newer = new ManifestDiagnostic(
                    DiagnosticCodes.ManifestNewerVersion,
                    $"The refresh usage file '{fullPath}' has format version {version.ToString(CultureInfo.InvariantCulture)}, but this version of "
                    + $"Qcloud.CdnRefresh.Build reads version {DailyUsageJson.CurrentVersion.ToString(CultureInfo.InvariantCulture)} at most. "
                    + "Today's use is counted from zero and the file is left untouched. Update the Qcloud.CdnRefresh.Build package to the version that wrote it.");
                return new DailyUsageStore(fullPath, Array.Empty<DailyUsageEntry>(), new[] { newer }, mayOverwrite: false, temporaryPathFor);
            }

            var days = JsonSerializer.Deserialize(json, DailyUsageJsonContext.Default.DailyUsageJson)!.Days
                ?? throw new InvalidDataException("'days' is missing or not an array");
            var entries = days.Select(day => day?.ToEntry() ?? throw new InvalidDataException("an element of 'days' is not an object")).ToList();
            var yesterday = BeijingTime.DayOf(now).AddDays(-1);
            var recent = entries.Where(e => e.Day >= yesterday && e.Day <= yesterday.AddDays(2));
            return new DailyUsageStore(fullPath, recent, Array.Empty<ManifestDiagnostic>(), mayOverwrite: true, temporaryPathFor);
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException)
        {
            var corrupt = new ManifestDiagnostic(
                DiagnosticCodes.ManifestCorrupt,
                $"The refresh usage file '{fullPath}' is not valid ({exception.Message}). Today's use is counted from zero and the file "
                + "is replaced after this run, so CdnRefreshDailyQuota may let through more than is left; if Tencent Cloud then answers "
                + "that the quota is exceeded, wait until midnight Beijing time (16:00 UTC).");
            return new DailyUsageStore(fullPath, Array.Empty<DailyUsageEntry>(), new[] { corrupt }, mayOverwrite: true, temporaryPathFor);
        }
    }

    /// <summary>How much of <paramref name="kind"/> the API accepted for <paramref name="area"/> on the Beijing day of <paramref name="now"/>.</summary>
    public long Used(string area, RefreshTarget kind, DateTimeOffset now) =>
        _entries.TryGetValue(KeyOf(BeijingTime.DayOf(now), area), out var entry) ? entry.Of(kind) : 0;

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

        var day = BeijingTime.DayOf(now);
        var key = KeyOf(day, area);
        var entry = _entries.TryGetValue(key, out var known) ? known : new DailyUsageEntry(day, NormalizeArea(area), 0, 0);
        _entries[key] = entry.Plus(kind, count);
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
            var file = new DailyUsageJson { Version = DailyUsageJson.CurrentVersion, Days = Entries.Select(DailyUsageDayJson.From).ToList<DailyUsageDayJson?>() };
            AtomicFileWriter.Write(
                FilePath,
                stream =>
                {
                    JsonSerializer.Serialize(stream, file, DailyUsageJsonContext.Default.DailyUsageJson);
                    stream.WriteByte((byte)'\n');
                },
                _temporaryPathFor);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CdnRefreshException(
                DiagnosticCodes.ManifestWriteFailed,
                $"Cannot write the refresh usage file '{FilePath}': {exception.Message} Today's accepted refreshes are not counted, so the "
                + "next run may ask for more than CdnRefreshDailyQuota allows. Make the folder writable and check the free disk space.",
                exception);
        }
    }

    private static byte[]? ReadOrNull(string path)
    {
        try
        {
            // Share everything, as the manifest does, so reading never blocks an atomic replace.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CdnRefreshException(
                DiagnosticCodes.FileUnreadable,
                $"Cannot read the refresh usage file '{path}': {exception.Message} Make it readable, or delete it to count today's use from zero.",
                exception);
        }
    }

    private static string KeyOf(DateTime day, string area) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|" + NormalizeArea(area);

    private static string NormalizeArea(string area) => area.Trim().ToLowerInvariant();
}
