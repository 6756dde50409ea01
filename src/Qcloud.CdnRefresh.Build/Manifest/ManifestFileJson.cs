using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// One entry of the manifest's <c>files</c> array as read, its fields type-checked but not yet judged. The URL path is
/// written only when it differs from the path (for precompressed siblings; the file stays small), the immutable flag only
/// when true (so entries of files that are not immutable read as they always have).
/// </summary>
internal sealed class ManifestFileJson(string? path, string? urlPath, long? size, string? sha256, DateTime? lastWriteTimeUtc, bool? immutable)
{
    /// <summary>Every entry of the <c>files</c> array (see <see cref="Read"/>).</summary>
    /// <remarks>A plain loop: this runs for every file of the baseline, in every build.</remarks>
    public static List<ManifestFileJson?> ReadAll(JsonElement files)
    {
        var entries = new List<ManifestFileJson?>(files.GetArrayLength());
        foreach (var entry in files.EnumerateArray())
        {
            entries.Add(Read(entry, entries.Count));
        }

        return entries;
    }

    /// <summary>The entry at <paramref name="index"/> of the <c>files</c> array, its fields checked for their JSON types only; null for a JSON null.</summary>
    /// <exception cref="JsonException">The entry is not an object, or a field has another JSON type.</exception>
    public static ManifestFileJson? Read(JsonElement entry, int index)
    {
        if (entry.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"files[{index}] is not an object");
        }

        // Property by property, so that a field written twice counts as its last value, as a serializer reads it.
        string? path = null, urlPath = null, sha256 = null;
        long? size = null;
        DateTime? lastWriteTimeUtc = null;
        bool? immutable = null;
        foreach (var property in entry.EnumerateObject())
        {
            var value = property.Value;
            if (property.NameEquals("path"))
            {
                path = ManifestJsonValues.Text(value, "path", index);
            }
            else if (property.NameEquals("urlPath"))
            {
                urlPath = ManifestJsonValues.Text(value, "urlPath", index);
            }
            else if (property.NameEquals("size"))
            {
                size = ManifestJsonValues.WholeNumber(value, "size", index);
            }
            else if (property.NameEquals("sha256"))
            {
                sha256 = ManifestJsonValues.Text(value, "sha256", index);
            }
            else if (property.NameEquals("lastWriteTimeUtc"))
            {
                lastWriteTimeUtc = ManifestJsonValues.Time(value, "lastWriteTimeUtc", index);
            }
            else if (property.NameEquals("immutable"))
            {
                immutable = ManifestJsonValues.Flag(value, "immutable", index);
            }
        }

        return new ManifestFileJson(path, urlPath, size, sha256, lastWriteTimeUtc, immutable);
    }

    /// <summary>The entry, checked field by field; a missing time is <see cref="DateTime.MinValue"/> (never reused).</summary>
    /// <exception cref="InvalidDataException">The first defect, worded for a <c>ManifestCorrupt</c> warning.</exception>
    public ManifestFile ToManifestFile()
    {
        var defect = path switch
        {
            null => "'path' is missing",
            "" => "'path' is not a non-empty string",
            _ when !IsRelativeUrlPath(path) => $"'{path}' is not a relative path the content root could hold",
            _ when size is null => "'size' is missing",
            _ when size < 0 => $"the size of '{path}' is not a whole number of bytes",
            _ when sha256 is null => "'sha256' is missing",
            _ when sha256.Length == 0 => "'sha256' is not a non-empty string",
            _ when !IsSha256Hex(sha256) => $"the sha256 of '{path}' is not 64 hexadecimal digits",
            _ when !string.IsNullOrEmpty(urlPath) && !IsRelativeUrlPath(urlPath!) =>
                $"'urlPath' of '{path}' is not a relative path the content root could hold",
            _ => null,
        };

        // With no defect, path, size and hash are present.
        return defect is null
            ? new ManifestFile(path!, size!.Value, sha256!.ToLowerInvariant(), lastWriteTimeUtc ?? DateTime.MinValue, urlPath, immutable == true)
            : throw new InvalidDataException(defect);
    }

    /// <summary>A deleted entry is mapped to a URL: one with an empty, '.' or '..' segment, or no Unicode form, never could be.</summary>
    private static bool IsRelativeUrlPath(string path)
    {
        // Wrapped in slashes, an empty, '.' or '..' segment shows as one of these.
        var wrapped = "/" + path + "/";
        return !wrapped.Contains("//") && !wrapped.Contains("/./") && !wrapped.Contains("/../") && Mapping.UrlPathEncoder.IsEncodable(path);
    }

    private static bool IsSha256Hex(string value)
    {
        if (value.Length != 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
