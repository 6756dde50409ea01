using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>One entry of the manifest's <c>files</c> array as read, its fields type-checked but not yet judged.</summary>
internal sealed class ManifestFileJson
{
    public string? Path { get; private set; }

    /// <summary>Left out when it is the path itself: only precompressed siblings differ, and the file stays small.</summary>
    public string? UrlPath { get; private set; }

    public long? Size { get; private set; }

    public string? Sha256 { get; private set; }

    public DateTime? LastWriteTimeUtc { get; private set; }

    /// <summary>Written only when true, so entries of files that are not immutable read as they always have.</summary>
    public bool? Immutable { get; private set; }

    /// <summary>The entries of a <c>files</c> array, each read by <see cref="Read"/>.</summary>
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
        var file = new ManifestFileJson();
        foreach (var property in entry.EnumerateObject())
        {
            var value = property.Value;
            if (property.NameEquals("path"))
            {
                file.Path = ManifestJsonValues.Text(value, "path", index);
            }
            else if (property.NameEquals("urlPath"))
            {
                file.UrlPath = ManifestJsonValues.Text(value, "urlPath", index);
            }
            else if (property.NameEquals("size"))
            {
                file.Size = ManifestJsonValues.WholeNumber(value, "size", index);
            }
            else if (property.NameEquals("sha256"))
            {
                file.Sha256 = ManifestJsonValues.Text(value, "sha256", index);
            }
            else if (property.NameEquals("lastWriteTimeUtc"))
            {
                file.LastWriteTimeUtc = ManifestJsonValues.Time(value, "lastWriteTimeUtc", index);
            }
            else if (property.NameEquals("immutable"))
            {
                file.Immutable = ManifestJsonValues.Flag(value, "immutable", index);
            }
        }

        return file;
    }

    /// <summary>The entry, checked field by field; a missing time is <see cref="DateTime.MinValue"/> (never reused).</summary>
    /// <exception cref="InvalidDataException">The first defect, worded for a <c>ManifestCorrupt</c> warning.</exception>
    public ManifestFile ToManifestFile()
    {
        var defect = this switch
        {
            { Path: null } => "'path' is missing",
            { Path.Length: 0 } => "'path' is not a non-empty string",
            _ when !IsRelativeUrlPath(Path) => $"'{Path}' is not a relative path the content root could hold",
            { Size: null } => "'size' is missing",
            { Size: < 0 } => $"the size of '{Path}' is not a whole number of bytes",
            { Sha256: null } => "'sha256' is missing",
            { Sha256.Length: 0 } => "'sha256' is not a non-empty string",
            _ when !IsSha256Hex(Sha256) => $"the sha256 of '{Path}' is not 64 hexadecimal digits",
            _ when !string.IsNullOrEmpty(UrlPath) && !IsRelativeUrlPath(UrlPath!) => $"'urlPath' of '{Path}' is not a relative path the content root could hold",
            _ => null,
        };
        // With no defect, path, size and hash are present.
        return defect is null
            ? new ManifestFile(Path!, Size!.Value, Sha256!.ToLowerInvariant(), LastWriteTimeUtc ?? DateTime.MinValue, UrlPath, Immutable == true)
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
