using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Qcloud.CdnRefresh.Build.Diagnostics;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// Reads a manifest document by hand from a <see cref="JsonDocument"/> so that unknown fields (from a newer minor
/// writer or a human) are ignored and every defect becomes a warning instead of an exception: a bad baseline must never
/// fail a deployment, it only costs a larger refresh.
/// </summary>
internal static class ManifestReader
{
    private const string NoBaselineConsequence =
        "It is treated as no baseline: CdnRefreshWithoutBaseline decides what is refreshed (by default every file counts as changed)";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <param name="content">The document's bytes (UTF-8, a BOM is allowed).</param>
    /// <param name="source">The file path or URL, for messages.</param>
    /// <param name="currentBaseUrl">This run's <c>CdnRefreshBaseUrl</c>; a baseline for another one is not used.</param>
    public static ManifestLoadResult Parse(byte[] content, string source, string currentBaseUrl)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(WithoutBom(content), DocumentOptions);
        }
        catch (JsonException exception)
        {
            return Corrupt(source, "it is not valid JSON (" + exception.Message + ")");
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement, source, currentBaseUrl);
            }
            catch (InvalidManifestException exception)
            {
                return Corrupt(source, exception.Message);
            }
        }
    }

    private static ManifestLoadResult Read(JsonElement root, string source, string currentBaseUrl)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidManifestException("the document is not a JSON object");
        }

        // The version is checked before anything else: a newer format may have changed the meaning of every other field.
        var version = RequiredProperty(root, ManifestJsonNames.Version);
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

        var baseUrl = RequiredString(root, ManifestJsonNames.BaseUrl);
        var pendingUrls = ReadPendingUrls(root);
        if (!BaseUrlComparer.AreSame(baseUrl, currentBaseUrl))
        {
            return ManifestLoadResult.Rejected(new ManifestDiagnostic(
                DiagnosticCodes.ManifestOtherBaseUrl,
                $"The CDN refresh manifest '{source}' was recorded for the base URL '{baseUrl}', not for the current "
                + $"CdnRefreshBaseUrl '{currentBaseUrl}'. " + NoBaselineConsequence
                + $", its {pendingUrls.Count} URL(s) still owed under the old base URL are not sent, and a new manifest "
                + $"is recorded for the current base URL. If the base URL changed by mistake, set CdnRefreshBaseUrl back to '{baseUrl}'."));
        }

        var files = ReadFiles(RequiredProperty(root, ManifestJsonNames.Files));
        var updatedUtc = OptionalDate(root, ManifestJsonNames.UpdatedUtc);
        return ManifestLoadResult.Found(new DeploymentManifest(baseUrl, files, pendingUrls, updatedUtc));
    }

    private static List<ManifestFile> ReadFiles(JsonElement files)
    {
        if (files.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidManifestException("'files' is not an array");
        }

        var result = new List<ManifestFile>(files.GetArrayLength());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var entry in files.EnumerateArray())
        {
            var file = ReadFile(entry, index);
            if (!seen.Add(file.RelativePath))
            {
                throw new InvalidManifestException($"the file '{file.RelativePath}' is listed twice");
            }

            result.Add(file);
            index++;
        }

        return result;
    }

    private static ManifestFile ReadFile(JsonElement entry, int index)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidManifestException($"files[{index}] is not an object");
        }

        var path = RequiredString(entry, ManifestJsonNames.Path);
        var size = RequiredProperty(entry, ManifestJsonNames.Size);
        if (size.ValueKind != JsonValueKind.Number || !size.TryGetInt64(out var sizeValue) || sizeValue < 0)
        {
            throw new InvalidManifestException($"the size of '{path}' is not a whole number of bytes");
        }

        var sha256 = RequiredString(entry, ManifestJsonNames.Sha256);
        if (!IsSha256Hex(sha256))
        {
            throw new InvalidManifestException($"the sha256 of '{path}' is not 64 hexadecimal digits");
        }

        var urlPath = OptionalString(entry, ManifestJsonNames.UrlPath);
        var lastWrite = OptionalDate(entry, ManifestJsonNames.LastWriteTimeUtc);
        return new ManifestFile(path, sizeValue, sha256.ToLowerInvariant(), lastWrite, urlPath);
    }

    private static List<string> ReadPendingUrls(JsonElement root)
    {
        var result = new List<string>();
        if (!root.TryGetProperty(ManifestJsonNames.PendingUrls, out var pending) || pending.ValueKind == JsonValueKind.Null)
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

    private static JsonElement RequiredProperty(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new InvalidManifestException($"'{name}' is missing");
        }

        return value;
    }

    private static string RequiredString(JsonElement owner, string name)
    {
        var value = RequiredProperty(owner, name);
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (string.IsNullOrEmpty(text))
        {
            throw new InvalidManifestException($"'{name}' is not a non-empty string");
        }

        return text!;
    }

    private static string? OptionalString(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new InvalidManifestException($"'{name}' is not a string");
    }

    /// <summary>Accepts ISO-8601 text (what we write) or a number of ticks (what a script may find easier to write).</summary>
    private static DateTime OptionalDate(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return DateTime.MinValue;
        }

        if (value.ValueKind == JsonValueKind.String
            && DateTime.TryParse(
                value.GetString(),
                CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                out var parsed))
        {
            return DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
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

    private static bool IsSha256Hex(string value)
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

    private static ReadOnlyMemory<byte> WithoutBom(byte[] content) =>
        content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF
            ? content.AsMemory(3)
            : content.AsMemory();

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
