using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// The fields of a manifest read once its head (see <see cref="ManifestHeadJson"/>) has accepted it: its time and its
/// file entries.
/// </summary>
internal sealed class ManifestBodyJson
{
    public DateTime? UpdatedUtc { get; private set; }

    public List<ManifestFileJson?>? Entries { get; private set; }

    /// <summary>
    /// The body of a document whose root is an object, each field checked for its JSON type wherever it occurs: a field
    /// written twice counts with its last value, as a serializer reads it, but an earlier one of the wrong type is still
    /// a defect.
    /// </summary>
    /// <exception cref="JsonException">A field of another JSON type.</exception>
    public static ManifestBodyJson Read(JsonElement root)
    {
        var body = new ManifestBodyJson();
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals("updatedUtc"))
            {
                body.UpdatedUtc = ManifestJsonValues.Time(property.Value, "updatedUtc");
            }
            else if (property.NameEquals("files"))
            {
                body.Entries = property.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.Array => EntriesOf(property.Value),
                    _ => throw new JsonException("'files' is not an array"),
                };
            }
        }

        return body;
    }

    /// <summary>The entries as manifest files, each judged (see <see cref="ManifestFileJson.ToManifestFile"/>).</summary>
    /// <exception cref="InvalidDataException">The first defect, worded for a <c>ManifestCorrupt</c> warning.</exception>
    public List<ManifestFile> Files()
    {
        if (Entries is null)
        {
            throw new InvalidDataException("'files' is missing");
        }

        var files = new List<ManifestFile>(Entries.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Entries.Count; i++)
        {
            var file = Entries[i]?.ToManifestFile() ?? throw new InvalidDataException($"files[{i}] is not an object");
            if (!seen.Add(file.RelativePath))
            {
                throw new InvalidDataException($"the file '{file.RelativePath}' is listed twice");
            }

            files.Add(file);
        }

        return files;
    }

    private static List<ManifestFileJson?> EntriesOf(JsonElement files)
    {
        var entries = new List<ManifestFileJson?>(files.GetArrayLength());
        foreach (var entry in files.EnumerateArray())
        {
            entries.Add(ManifestFileJson.Read(entry, entries.Count));
        }

        return entries;
    }
}
