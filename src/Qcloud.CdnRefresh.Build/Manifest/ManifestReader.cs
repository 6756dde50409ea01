using System.Text.Json;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// Reads a manifest document. Unknown fields (from a newer minor writer or a human) are ignored, and every defect
/// becomes a warning instead of an exception: a bad baseline must never fail a deployment, it only costs a larger refresh.
/// A field written twice counts as its last value, as a serializer reads it, but each occurrence is type-checked.
/// </summary>
internal static class ManifestReader
{
    /// <summary>The lenient reading a hand edit may need: comments and trailing commas.</summary>
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private const string NoBaselineConsequence =
        "It is treated as no baseline: CdnRefreshWithoutBaseline decides what is refreshed (by default every file counts as changed)";

    /// <summary>Reads the document's bytes (UTF-8, a BOM is allowed).</summary>
    /// <inheritdoc cref="Parse(Stream, string, IReadOnlyList{BaseUrl})"/>
    public static ManifestLoadResult Parse(byte[] content, string source, IReadOnlyList<BaseUrl> currentBaseUrls) =>
        Parse(new MemoryStream(content, writable: false), source, currentBaseUrls);

    /// <param name="content">The document (UTF-8, a BOM is allowed), read to its end; not disposed.</param>
    /// <param name="source">The file path or URL, for messages.</param>
    /// <param name="currentBaseUrls">This run's <c>CdnRefreshBaseUrl</c> entries; a baseline that records none of them is
    /// not used, and what it owes under a base URL no longer listed is dropped.</param>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public static ManifestLoadResult Parse(Stream content, string source, IReadOnlyList<BaseUrl> currentBaseUrls)
    {
        try
        {
            using var document = JsonDocument.Parse(content, DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("the document is not a JSON object");
            }

            // The head decides first: a newer format may shape everything else differently, and a baseline for another
            // base URL is set aside whatever its files hold.
            var version = VersionOf(root) ?? throw new InvalidDataException("'version' is missing");
            if (version < 1)
            {
                throw new InvalidDataException("'version' is not a positive whole number");
            }

            if (version > DeploymentManifest.CurrentVersion)
            {
                return NewerVersion(source, version);
            }

            var recorded = BaseUrlsOf(root);
            var pendingUrls = (StringsOf(root, "pendingUrls", nonEmpty: false) ?? []).Where(url => !string.IsNullOrWhiteSpace(url))
                .ToList();
            var match = new BaseUrlMatch(recorded, currentBaseUrls);
            if (!match.AnyKept)
            {
                return OtherBaseUrl(source, recorded, currentBaseUrls, pendingUrls.Count);
            }

            var (updatedUtc, files) = BodyOf(root);

            // What was owed under base URLs no longer listed is dropped, with a warning naming how many under which base
            // URL, or a detail line when nothing was owed there; the null key holds what is still owed.
            var droppedUnder = match.FileOwed(pendingUrls);
            var manifest = new DeploymentManifest(recorded, files, droppedUnder[null], updatedUtc ?? DateTime.MinValue);
            return new ManifestLoadResult(
                manifest,
                match.Dropped.Where(droppedUnder.Contains).Select(url => DroppedOwedUrls(source, url, droppedUnder[url].Count())).ToList(),
                match.Dropped.Where(url => !droppedUnder.Contains(url))
                    .Select(url => $"The base URL '{url}' of the CDN refresh manifest '{source}' is no longer listed in "
                        + $"{BaseUrl.PropertyName}; nothing was owed under it.")
                    .ToList(),
                MayOverwrite: true);
        }
        catch (JsonException exception)
        {
            return Corrupt(source, "it is not valid manifest JSON (" + exception.Message + ")");
        }
        catch (InvalidDataException exception)
        {
            return Corrupt(source, exception.Message);
        }
        catch (InvalidOperationException exception)
        {
            // From a raw value of the head: a string holding a lone surrogate escape.
            return Corrupt(source, "it holds text that is not valid Unicode (" + exception.Message + ")");
        }
    }

    /// <summary>The last value of the root's field <paramref name="name"/>; null when absent or a JSON null, like a serializer reads it.</summary>
    private static JsonElement? Last(JsonElement root, string name)
    {
        JsonElement? last = null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals(name))
            {
                last = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
            }
        }

        return last;
    }

    /// <summary>The last <c>version</c>; every occurrence must be a whole number or null.</summary>
    /// <exception cref="JsonException">An occurrence is not a whole number.</exception>
    private static int? VersionOf(JsonElement root)
    {
        int? version = null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals("version"))
            {
                version = property.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.Number when property.Value.TryGetInt32(out var number) => number,
                    _ => throw new JsonException("'version' is not a whole number"),
                };
            }
        }

        return version;
    }

    /// <summary><c>baseUrls</c> when the document has it, else <c>baseUrl</c> alone; <c>baseUrl</c> is required either way.</summary>
    private static IReadOnlyList<string> BaseUrlsOf(JsonElement root)
    {
        var first = (Last(root, "baseUrl") ?? throw new InvalidDataException("'baseUrl' is missing")) is { ValueKind: JsonValueKind.String } url
            && url.GetString() is { Length: > 0 } text
                ? text
                : throw new InvalidDataException("'baseUrl' is not a non-empty string");
        return StringsOf(root, "baseUrls", nonEmpty: true) switch
        {
            null => [first],
            { Count: 0 } => throw new InvalidDataException("'baseUrls' is empty"),
            var urls => urls,
        };
    }

    /// <summary>The strings of the root's array field (each non-empty when <paramref name="nonEmpty"/>); null when absent or JSON null.</summary>
    private static List<string>? StringsOf(JsonElement root, string name, bool nonEmpty)
    {
        if (Last(root, name) is not { } array)
        {
            return null;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"'{name}' is not an array");
        }

        var strings = new List<string>(array.GetArrayLength());
        foreach (var value in array.EnumerateArray())
        {
            strings.Add(value.ValueKind == JsonValueKind.String && value.GetString() is { } text && (text.Length > 0 || !nonEmpty)
                ? text
                : throw new InvalidDataException($"'{name}' holds something other than {(nonEmpty ? "a non-empty string" : "a string")}"));
        }

        return strings;
    }

    /// <summary>The time and the files of a document its head has accepted, each file judged.</summary>
    /// <exception cref="JsonException">A field of another JSON type, wherever it occurs (all are checked before any file is judged).</exception>
    /// <exception cref="InvalidDataException">The first defect of the files, worded for a <c>ManifestCorrupt</c> warning.</exception>
    private static (DateTime? UpdatedUtc, List<ManifestFile> Files) BodyOf(JsonElement root)
    {
        DateTime? updatedUtc = null;
        List<ManifestFileJson?>? entries = null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals("updatedUtc"))
            {
                updatedUtc = ManifestJsonValues.Time(property.Value, "updatedUtc");
            }
            else if (property.NameEquals("files"))
            {
                entries = property.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.Array => ManifestFileJson.ReadAll(property.Value),
                    _ => throw new JsonException("'files' is not an array"),
                };
            }
        }

        if (entries is null)
        {
            throw new InvalidDataException("'files' is missing");
        }

        var files = new List<ManifestFile>(entries.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var file = entries[i]?.ToManifestFile() ?? throw new InvalidDataException($"files[{i}] is not an object");
            if (!seen.Add(file.RelativePath))
            {
                throw new InvalidDataException($"the file '{file.RelativePath}' is listed twice");
            }

            files.Add(file);
        }

        return (updatedUtc, files);
    }

    private static ManifestLoadResult NewerVersion(string source, int version) =>
        ManifestLoadResult.Rejected(
            new ManifestDiagnostic(
                DiagnosticCodes.ManifestNewerVersion,
                $"The CDN refresh manifest '{source}' has format version {version}, but this version of "
                + $"Qcloud.CdnRefresh.Build reads version {DeploymentManifest.CurrentVersion} at most. "
                + NoBaselineConsequence + ", and the manifest is left untouched. "
                + "Update the Qcloud.CdnRefresh.Build package to the version that wrote it."),
            mayOverwrite: false);

    /// <summary>Base URLs are shown as <c>CdnRefreshBaseUrl</c> lists them, separated by <c>;</c>.</summary>
    private static ManifestLoadResult OtherBaseUrl(string source, IReadOnlyList<string> recorded, IReadOnlyList<BaseUrl> current, int pendingCount)
    {
        var baseUrl = string.Join(";", recorded);
        var old = recorded.Count == 1 ? "the old base URL" : "the old base URLs";
        return ManifestLoadResult.Rejected(new ManifestDiagnostic(
            DiagnosticCodes.ManifestOtherBaseUrl,
            $"The CDN refresh manifest '{source}' was recorded for {(recorded.Count == 1 ? "the base URL" : "the base URLs")} '{baseUrl}', not for the current "
            + $"CdnRefreshBaseUrl '{string.Join(";", current.Select(url => url.Value))}'. " + NoBaselineConsequence
            + $", its {pendingCount} URL(s) still owed under {old} are not sent, and a new manifest "
            + $"is recorded for the current base {(current.Count == 1 ? "URL" : "URLs")}. If the base URL changed by mistake, set CdnRefreshBaseUrl back to '{baseUrl}'."));
    }

    private static ManifestDiagnostic DroppedOwedUrls(string source, string baseUrl, int count) =>
        new(
            DiagnosticCodes.ManifestOtherBaseUrl,
            $"The CDN refresh manifest '{source}' owes {count} URL(s) under the base URL '{baseUrl}', which CdnRefreshBaseUrl no "
            + "longer lists: they are dropped and not sent. If the base URL was removed by mistake, add it back to "
            + "CdnRefreshBaseUrl: as a base URL new since the baseline, CdnRefreshWithoutBaseline then decides what is "
            + "refreshed under it (by default every file).");

    private static ManifestLoadResult Corrupt(string source, string detail) =>
        ManifestLoadResult.Rejected(new ManifestDiagnostic(
            DiagnosticCodes.ManifestCorrupt,
            $"The CDN refresh manifest '{source}' cannot be used: {detail}. " + NoBaselineConsequence
            + ", and a new manifest is recorded after this run. Restore the file from a backup if a full refresh is not wanted."));
}
