using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Qcloud.CdnRefresh.Build.Diagnostics;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// Reads a manifest document by hand (see <see cref="ManifestDocument"/>) so that unknown fields (from a newer minor
/// writer or a human) are ignored and every defect becomes a warning instead of an exception: a bad baseline must never
/// fail a deployment, it only costs a larger refresh.
/// </summary>
internal static class ManifestReader
{
    private const string NoBaselineConsequence =
        "It is treated as no baseline: CdnRefreshWithoutBaseline decides what is refreshed (by default every file counts as changed)";

    // "2024-05-01T12:00:00.1234567Z", ManifestJsonNames.DateFormat.
    private const int RoundTripLength = 28;

    /// <param name="content">The document's bytes (UTF-8, a BOM is allowed).</param>
    /// <param name="source">The file path or URL, for messages.</param>
    /// <param name="currentBaseUrl">This run's <c>CdnRefreshBaseUrl</c>; a baseline for another one is not used.</param>
    public static ManifestLoadResult Parse(byte[] content, string source, string currentBaseUrl) =>
        Parse(new MemoryStream(content, writable: false), source, currentBaseUrl);

    /// <param name="content">The document (UTF-8, a BOM is allowed), read to its end a chunk at a time; not disposed.</param>
    /// <param name="source">The file path or URL, for messages.</param>
    /// <param name="currentBaseUrl">This run's <c>CdnRefreshBaseUrl</c>; a baseline for another one is not used.</param>
    /// <param name="bufferSize">Bytes held at a time; a test seam.</param>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public static ManifestLoadResult Parse(Stream content, string source, string currentBaseUrl, int? bufferSize = null)
    {
        ManifestDocument document;
        try
        {
            document = bufferSize is { } size
                ? ManifestDocument.Read(content, size)
                : ManifestDocument.Read(content);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not valid UTF-8 or holds a lone surrogate escape.
            return Corrupt(source, "it is not valid JSON (" + exception.Message + ")");
        }

        try
        {
            return Read(document, source, currentBaseUrl);
        }
        catch (InvalidManifestException exception)
        {
            return Corrupt(source, exception.Message);
        }
        catch (InvalidOperationException exception)
        {
            return Corrupt(source, "it holds text that is not valid Unicode (" + exception.Message + ")");
        }
    }

    private static ManifestLoadResult Read(ManifestDocument document, string source, string currentBaseUrl)
    {
        if (!document.IsObject)
        {
            throw new InvalidManifestException("the document is not a JSON object");
        }

        // The version is checked before anything else: a newer format may have changed the meaning of every other field.
        var version = Required(document.Version, ManifestJsonNames.Version);
        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var versionNumber) || versionNumber < 1)
        {
            throw new InvalidManifestException("'version' is not a positive whole number");
        }

        if (versionNumber > DeploymentManifest.CurrentVersion)
        {
            return ManifestLoadResult.Rejected(
                new ManifestDiagnostic(
                    DiagnosticCodes.ManifestNewerVersion,
                    $"The CDN refresh manifest '{source}' has format version {versionNumber}, but this version of "
                    + $"Qcloud.CdnRefresh.Build reads version {DeploymentManifest.CurrentVersion} at most. "
                    + NoBaselineConsequence + ", and the manifest is left untouched. "
                    + "Update the Qcloud.CdnRefresh.Build package to the version that wrote it."),
                mayOverwrite: false);
        }

        var baseUrl = RequiredString(document.BaseUrl, ManifestJsonNames.BaseUrl);
        var pendingUrls = ReadPendingUrls(document.PendingUrls);
        if (!BaseUrlComparer.AreSame(baseUrl, currentBaseUrl))
        {
            return ManifestLoadResult.Rejected(new ManifestDiagnostic(
                DiagnosticCodes.ManifestOtherBaseUrl,
                $"The CDN refresh manifest '{source}' was recorded for the base URL '{baseUrl}', not for the current "
                + $"CdnRefreshBaseUrl '{currentBaseUrl}'. " + NoBaselineConsequence
                + $", its {pendingUrls.Count} URL(s) still owed under the old base URL are not sent, and a new manifest "
                + $"is recorded for the current base URL. If the base URL changed by mistake, set CdnRefreshBaseUrl back to '{baseUrl}'."));
        }

        if (document.FilesKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            throw new InvalidManifestException($"'{ManifestJsonNames.Files}' is missing");
        }

        if (document.FilesKind != JsonValueKind.Array)
        {
            throw new InvalidManifestException("'files' is not an array");
        }

        if (document.FilesDefect is { } defect)
        {
            throw new InvalidManifestException(defect);
        }

        var updatedUtc = OptionalDate(document.UpdatedUtc, ManifestJsonNames.UpdatedUtc);
        return ManifestLoadResult.Found(new DeploymentManifest(baseUrl, document.Files, pendingUrls, updatedUtc));
    }

    private static List<string> ReadPendingUrls(JsonElement? element)
    {
        var result = new List<string>();
        if (element is not { ValueKind: not JsonValueKind.Null } pending)
        {
            return result;
        }

        if (pending.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidManifestException("'pendingUrls' is not an array");
        }

        foreach (var url in pending.EnumerateArray())
        {
            if (url.ValueKind != JsonValueKind.String)
            {
                throw new InvalidManifestException("'pendingUrls' holds something other than a string");
            }

            var value = url.GetString();
            if (!string.IsNullOrWhiteSpace(value))
            {
                result.Add(value!);
            }
        }

        return result;
    }

    private static JsonElement Required(JsonElement? value, string name) =>
        value is { ValueKind: not JsonValueKind.Null } present
            ? present
            : throw new InvalidManifestException($"'{name}' is missing");

    private static string RequiredString(JsonElement? value, string name)
    {
        var element = Required(value, name);
        var text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        if (string.IsNullOrEmpty(text))
        {
            throw new InvalidManifestException($"'{name}' is not a non-empty string");
        }

        return text!;
    }

    /// <summary>Accepts ISO-8601 text (what we write) or a number of ticks (what a script may find easier to write).</summary>
    private static DateTime OptionalDate(JsonElement? element, string name)
    {
        if (element is not { ValueKind: not JsonValueKind.Null } value)
        {
            return DateTime.MinValue;
        }

        if (value.ValueKind == JsonValueKind.String && TryParseDate(value.GetString(), out var parsed))
        {
            return parsed;
        }

        if (value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var ticks)
            && ticks >= DateTime.MinValue.Ticks
            && ticks <= DateTime.MaxValue.Ticks)
        {
            return new DateTime(ticks, DateTimeKind.Utc);
        }

        throw new InvalidManifestException($"'{name}' is not an ISO-8601 date or a number of ticks");
    }

    /// <summary>An ISO-8601 date as UTC; a time without an offset counts as UTC.</summary>
    public static bool TryParseDate(string? text, out DateTime utc)
    {
        // What the writer writes, through the runtime's fast path for "o"; anything else ISO-8601 the general parser takes.
        if (text is { Length: RoundTripLength } && text[RoundTripLength - 1] == 'Z'
            && DateTime.TryParseExact(text, "o", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var roundTrip))
        {
            utc = DateTime.SpecifyKind(roundTrip, DateTimeKind.Utc);
            return true;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            utc = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            return true;
        }

        utc = default;
        return false;
    }

    /// <summary>The hash in lowercase; the same string when it already is (as written), so nothing is copied.</summary>
    public static string LowercaseHex(string hex)
    {
        foreach (var c in hex)
        {
            if (c >= 'A' && c <= 'F')
            {
                return hex.ToLowerInvariant();
            }
        }

        return hex;
    }

    public static bool IsSha256Hex(string value)
    {
        if (value.Length != 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            {
                return false;
            }
        }

        return true;
    }

    private static ManifestLoadResult Corrupt(string source, string detail) =>
        ManifestLoadResult.Rejected(new ManifestDiagnostic(
            DiagnosticCodes.ManifestCorrupt,
            $"The CDN refresh manifest '{source}' cannot be used: {detail}. " + NoBaselineConsequence
            + ", and a new manifest is recorded after this run. Restore the file from a backup if a full refresh is not wanted."));

    /// <summary>A defect in the document; only ever turned into a <see cref="DiagnosticCodes.ManifestCorrupt"/> warning.</summary>
    private sealed class InvalidManifestException : Exception
    {
        public InvalidManifestException(string message)
            : base(message)
        {
        }
    }
}
