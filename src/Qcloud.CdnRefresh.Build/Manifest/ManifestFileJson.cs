using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>One entry of the manifest's <c>files</c> array, as written and as read before it is judged.</summary>
internal sealed class ManifestFileJson
{
    public string? Path { get; set; }

    /// <summary>Left out when it is the path itself: only precompressed siblings differ, and the file stays small.</summary>
    public string? UrlPath { get; set; }

    public long? Size { get; set; }

    public string? Sha256 { get; set; }

    public DateTime? LastWriteTimeUtc { get; set; }

    /// <summary>Written only when true, so entries of files that are not immutable read as they always have.</summary>
    public bool? Immutable { get; set; }

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

    public static ManifestFileJson From(ManifestFile file) => new()
    {
        Path = file.RelativePath,
        UrlPath = string.Equals(file.UrlPath, file.RelativePath, StringComparison.Ordinal) ? null : file.UrlPath,
        Size = file.Size,
        Sha256 = file.Sha256,
        LastWriteTimeUtc = file.LastWriteTimeUtc,
        Immutable = file.Immutable ? true : null,
    };

    /// <summary>The entry, checked field by field; a missing time is <see cref="DateTime.MinValue"/> (never reused).</summary>
    /// <exception cref="InvalidDataException">The first defect, worded for a <c>ManifestCorrupt</c> warning.</exception>
    public ManifestFile ToManifestFile()
    {
        if (Path is null)
        {
            throw new InvalidDataException("'path' is missing");
        }

        if (Path.Length == 0)
        {
            throw new InvalidDataException("'path' is not a non-empty string");
        }

        if (!IsRelativeUrlPath(Path))
        {
            throw new InvalidDataException($"'{Path}' is not a relative path the content root could hold");
        }

        if (Size is not { } size)
        {
            throw new InvalidDataException("'size' is missing");
        }

        if (size < 0)
        {
            throw new InvalidDataException($"the size of '{Path}' is not a whole number of bytes");
        }

        if (Sha256 is null)
        {
            throw new InvalidDataException("'sha256' is missing");
        }

        if (Sha256.Length == 0)
        {
            throw new InvalidDataException("'sha256' is not a non-empty string");
        }

        if (!IsSha256Hex(Sha256))
        {
            throw new InvalidDataException($"the sha256 of '{Path}' is not 64 hexadecimal digits");
        }

        if (!string.IsNullOrEmpty(UrlPath) && !IsRelativeUrlPath(UrlPath!))
        {
            throw new InvalidDataException($"'urlPath' of '{Path}' is not a relative path the content root could hold");
        }

        return new ManifestFile(Path, size, Sha256.ToLowerInvariant(), LastWriteTimeUtc ?? DateTime.MinValue, UrlPath, Immutable == true);
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
