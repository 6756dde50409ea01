using System.Globalization;
using System.IO;
using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// Writes a <see cref="DeploymentManifest"/> as UTF-8 JSON (no BOM). The output depends only on the manifest's content,
/// so an unchanged state gives byte-identical files, and each file entry sits on one line so a diff of two manifests
/// shows one line per changed file.
/// </summary>
internal static class ManifestWriter
{
    private static readonly JsonWriterOptions IndentedOptions = new() { Indented = true };
    private static readonly JsonWriterOptions CompactOptions = new() { Indented = false };

    public static byte[] Serialize(DeploymentManifest manifest)
    {
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, IndentedOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber(ManifestJsonNames.Version, manifest.Version);
            writer.WriteString(ManifestJsonNames.BaseUrl, manifest.BaseUrl);
            writer.WriteString(ManifestJsonNames.UpdatedUtc, FormatDate(manifest.UpdatedUtc));

            writer.WriteStartArray(ManifestJsonNames.Files);
            using var entryBuffer = new MemoryStream();
            foreach (var file in manifest.Files)
            {
                entryBuffer.SetLength(0);
                using (var entryWriter = new Utf8JsonWriter(entryBuffer, CompactOptions))
                {
                    WriteEntry(entryWriter, file);
                }

                // The entry was produced by Utf8JsonWriter itself, so re-validating it would only cost time.
                writer.WriteRawValue(entryBuffer.ToArray(), skipInputValidation: true);
            }

            writer.WriteEndArray();

            writer.WriteStartArray(ManifestJsonNames.PendingUrls);
            foreach (var url in manifest.PendingUrls)
            {
                writer.WriteStringValue(url);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
        return output.ToArray();
    }

    private static void WriteEntry(Utf8JsonWriter writer, ManifestFile file)
    {
        writer.WriteStartObject();
        writer.WriteString(ManifestJsonNames.Path, file.RelativePath);
        if (!string.Equals(file.UrlPath, file.RelativePath, System.StringComparison.Ordinal))
        {
            // Only precompressed siblings differ; leaving the common case out keeps the file small.
            writer.WriteString(ManifestJsonNames.UrlPath, file.UrlPath);
        }

        writer.WriteNumber(ManifestJsonNames.Size, file.Size);
        writer.WriteString(ManifestJsonNames.Sha256, file.Sha256);
        writer.WriteString(ManifestJsonNames.LastWriteTimeUtc, FormatDate(file.LastWriteTimeUtc));
        writer.WriteEndObject();
    }

    private static string FormatDate(System.DateTime utc) =>
        utc.ToString(ManifestJsonNames.DateFormat, CultureInfo.InvariantCulture);
}
