using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// Writes a <see cref="DeploymentManifest"/> as UTF-8 JSON (no BOM). The output depends only on the manifest's content,
/// so an unchanged state gives byte-identical files. The layout is indented except that each file entry sits on one
/// line: a manifest of thousands of files stays compact and a diff of two manifests shows one line per changed file.
/// The values are the serializer's (with its default, HTML-safe escaping, since the published copy is served from the
/// site); only the layout around them is written here.
/// </summary>
internal static class ManifestWriter
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
        var json = ManifestJsonContext.Default;
        using var text = new StreamWriter(output, Utf8, bufferSize: 4096, leaveOpen: true);
        text.Write("{\n  \"version\": " + DeploymentManifest.CurrentVersion.ToString(CultureInfo.InvariantCulture));
        // The first base URL alone, as a manifest of one always has it; all of them as well when there are more.
        text.Write(",\n  \"baseUrl\": " + JsonSerializer.Serialize(manifest.BaseUrls[0], json.String));
        if (manifest.BaseUrls.Count > 1)
        {
            WriteArray(text, "baseUrls", manifest.BaseUrls.Select(url => JsonSerializer.Serialize(url, json.String)));
        }

        text.Write(",\n  \"updatedUtc\": " + JsonSerializer.Serialize(manifest.UpdatedUtc, json.DateTime));
        WriteArray(text, "files", manifest.Files.Select(file => JsonSerializer.Serialize(ManifestFileJson.From(file), json.ManifestFileJson)));
        WriteArray(text, "pendingUrls", manifest.PendingUrls.Select(url => JsonSerializer.Serialize(url, json.String)));
        text.Write("\n}\n");
    }

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
}
