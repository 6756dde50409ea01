using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// Reads a manifest document. Unknown fields (from a newer minor writer or a human) are ignored, and every defect
/// becomes a warning instead of an exception: a bad baseline must never fail a deployment, it only costs a larger refresh.
/// </summary>
internal static class ManifestReader
{
    private const string NoBaselineConsequence =
        "It is treated as no baseline: CdnRefreshWithoutBaseline decides what is refreshed (by default every file counts as changed)";

    /// <param name="content">The document's bytes (UTF-8, a BOM is allowed).</param>
    /// <param name="source">The file path or URL, for messages.</param>
    /// <param name="currentBaseUrl">This run's <c>CdnRefreshBaseUrl</c>; a baseline for another one is not used.</param>
    public static ManifestLoadResult Parse(byte[] content, string source, BaseUrl currentBaseUrl) =>
        Parse(new MemoryStream(content, writable: false), source, currentBaseUrl);

    /// <param name="content">The document (UTF-8, a BOM is allowed), read as it streams in; seekable, not disposed.</param>
    /// <param name="source">The file path or URL, for messages.</param>
    /// <param name="currentBaseUrl">This run's <c>CdnRefreshBaseUrl</c>; a baseline for another one is not used.</param>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public static ManifestLoadResult Parse(Stream content, string source, BaseUrl currentBaseUrl)
    {
        try
        {
            ManifestJson document;
            try
            {
                document = JsonSerializer.Deserialize(content, ManifestJsonContext.Default.ManifestJson)
                    ?? throw new InvalidDataException("the document is not a JSON object");
            }
            catch (JsonException exception)
            {
                // The head decides first, as it does for a readable document: a newer format may shape everything else
                // differently, and a baseline for another base URL is set aside whatever its files hold.
                content.Position = 0;
                var head = JsonSerializer.Deserialize(content, ManifestJsonContext.Default.ManifestHeadJson);
                return (head is null ? null : Rejection(head, source, currentBaseUrl)) ?? Corrupt(source, NotManifestJson(exception));
            }

            if (Rejection(document, source, currentBaseUrl) is { } rejected)
            {
                return rejected;
            }

            var recorded = BaseUrlOf(document);
            var pending = PendingUrlsOf(document).Select(url => currentBaseUrl.Respell(url, recorded));
            return ManifestLoadResult.Found(new DeploymentManifest(recorded, Files(document.Files), pending, document.UpdatedUtc ?? DateTime.MinValue));
        }
        catch (JsonException exception)
        {
            return Corrupt(source, NotManifestJson(exception));
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

    /// <summary>A newer version or another base URL, checked in that order; null when the head accepts the document.</summary>
    /// <exception cref="InvalidDataException">A defect in the head.</exception>
    private static ManifestLoadResult? Rejection(ManifestHeadJson head, string source, BaseUrl currentBaseUrl)
    {
        var version = head.Version ?? throw new InvalidDataException("'version' is missing");
        if (version < 1)
        {
            throw new InvalidDataException("'version' is not a positive whole number");
        }

        if (version > DeploymentManifest.CurrentVersion)
        {
            return NewerVersion(source, version);
        }

        var baseUrl = BaseUrlOf(head);
        var pendingUrls = PendingUrlsOf(head);
        return currentBaseUrl.IsSameSiteAs(baseUrl) ? null : OtherBaseUrl(source, baseUrl, currentBaseUrl, pendingUrls.Count);
    }

    private static string BaseUrlOf(ManifestHeadJson head) =>
        Required(head.BaseUrl, "baseUrl") is { ValueKind: JsonValueKind.String } url && url.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException("'baseUrl' is not a non-empty string");

    private static string NotManifestJson(JsonException exception) => "it is not valid manifest JSON (" + exception.Message + ")";

    private static JsonElement Required(JsonElement? value, string name) =>
        value is { ValueKind: not JsonValueKind.Null } present ? present : throw new InvalidDataException($"'{name}' is missing");

    private static List<string> PendingUrlsOf(ManifestHeadJson head)
    {
        if (head.PendingUrls is not { ValueKind: not JsonValueKind.Null } urls)
        {
            return new List<string>();
        }

        return urls.ValueKind != JsonValueKind.Array
            ? throw new InvalidDataException("'pendingUrls' is not an array")
            : urls.EnumerateArray()
                .Select(url => url.ValueKind == JsonValueKind.String ? url.GetString()! : throw new InvalidDataException("'pendingUrls' holds something other than a string"))
                .Where(url => !string.IsNullOrWhiteSpace(url))
                .ToList();
    }

    private static List<ManifestFile> Files(List<ManifestFileJson?>? entries)
    {
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

        return files;
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

    private static ManifestLoadResult OtherBaseUrl(string source, string baseUrl, BaseUrl currentBaseUrl, int pendingCount) =>
        ManifestLoadResult.Rejected(new ManifestDiagnostic(
            DiagnosticCodes.ManifestOtherBaseUrl,
            $"The CDN refresh manifest '{source}' was recorded for the base URL '{baseUrl}', not for the current "
            + $"CdnRefreshBaseUrl '{currentBaseUrl}'. " + NoBaselineConsequence
            + $", its {pendingCount} URL(s) still owed under the old base URL are not sent, and a new manifest "
            + $"is recorded for the current base URL. If the base URL changed by mistake, set CdnRefreshBaseUrl back to '{baseUrl}'."));

    private static ManifestLoadResult Corrupt(string source, string detail) =>
        ManifestLoadResult.Rejected(new ManifestDiagnostic(
            DiagnosticCodes.ManifestCorrupt,
            $"The CDN refresh manifest '{source}' cannot be used: {detail}. " + NoBaselineConsequence
            + ", and a new manifest is recorded after this run. Restore the file from a backup if a full refresh is not wanted."));
}
