using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// Writes a <see cref="DeploymentManifest"/> as UTF-8 JSON (no BOM). The output depends only on the manifest's content,
/// so an unchanged state gives byte-identical files. The layout is indented except that each file entry sits on one
/// line: a manifest of thousands of files stays compact and a diff of two manifests shows one line per changed file.
/// The text values are the serializer's (with its default, HTML-safe escaping, since the published copy is served from the
/// site); only the layout around them is written here.
/// </summary>
internal static partial class ManifestWriter
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static byte[] Serialize(DeploymentManifest manifest)
    {
        using var output = new MemoryStream();
        WriteTo(output, manifest);
        return output.ToArray();
    }

    /// <summary>Writes the manifest into <paramref name="output"/>, which is left open.</summary>
    public static void WriteTo(Stream output, DeploymentManifest manifest)
    {
        using var text = new StreamWriter(output, Utf8, bufferSize: 4096, leaveOpen: true);
        text.Write("{\n  \"version\": " + DeploymentManifest.CurrentVersion.ToString(CultureInfo.InvariantCulture));
        // The first base URL alone, as a manifest of one always has it; all of them as well when there are more.
        text.Write(",\n  \"baseUrl\": " + Text(manifest.BaseUrls[0]));
        if (manifest.BaseUrls.Count > 1)
        {
            WriteArray(text, "baseUrls", manifest.BaseUrls.Select(Text));
        }

        text.Write(",\n  \"updatedUtc\": " + Time(manifest.UpdatedUtc));
        WriteArray(text, "files", manifest.Files.Select(Entry));
        WriteArray(text, "pendingUrls", manifest.PendingUrls.Select(Text));
        text.Write("\n}\n");
    }

    /// <summary>
    /// One entry of <c>files</c>, compact; the URL path is left out when it is the path itself, and the immutable flag
    /// when it is false (see <see cref="ManifestFileJson"/>).
    /// </summary>
    private static string Entry(ManifestFile file) =>
        "{\"path\":" + Text(file.RelativePath)
        + (string.Equals(file.UrlPath, file.RelativePath, StringComparison.Ordinal) ? string.Empty : ",\"urlPath\":" + Text(file.UrlPath))
        + ",\"size\":" + file.Size.ToString(CultureInfo.InvariantCulture)
        + ",\"sha256\":" + Text(file.Sha256)
        + ",\"lastWriteTimeUtc\":" + Time(file.LastWriteTimeUtc)
        + (file.Immutable ? ",\"immutable\":true}" : "}");

    private static string Text(string value) => JsonSerializer.Serialize(value, StringJson.Default.String);

    /// <summary>
    /// In UTC as round-trip ISO-8601 (<c>2024-05-01T12:00:00.1234567Z</c>): every tick kept, sorts as text. Digits and
    /// <c>-:.TZ</c> need no escaping, so the serializer is not asked.
    /// </summary>
    private static string Time(DateTime value) => "\"" + DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("o", CultureInfo.InvariantCulture) + "\"";

    /// <summary>A property holding an array, one item a line; an empty array is <c>[]</c>.</summary>
    private static void WriteArray(TextWriter text, string name, IEnumerable<string> items)
    {
        text.Write(",\n  \"" + name + "\": [");
        var empty = true;
        foreach (var item in items)
        {
            text.Write(empty ? "\n    " : ",\n    ");
            text.Write(item);
            empty = false;
        }

        text.Write(empty ? "]" : "\n  ]");
    }

    [JsonSerializable(typeof(string))]
    private sealed partial class StringJson : JsonSerializerContext;
}
