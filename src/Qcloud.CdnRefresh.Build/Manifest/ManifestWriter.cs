using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// Writes a <see cref="DeploymentManifest"/> as UTF-8 JSON (no BOM). The output depends only on the manifest's content,
/// so an unchanged state gives byte-identical files. The layout is indented except that each file entry sits on one
/// line: a manifest of thousands of files stays compact and a diff of two manifests shows one line per changed file.
/// Values are still written by <see cref="Utf8JsonWriter"/> (with its default, HTML-safe escaping, since the published
/// copy is served from the site); only the layout around them is ours.
/// </summary>
internal static class ManifestWriter
{
    private static readonly JsonWriterOptions ValueOptions = new() { Indented = false };

    public static byte[] Serialize(DeploymentManifest manifest)
    {
        using var output = new MemoryStream();
        using var values = new Utf8JsonWriter(output, ValueOptions);

        WriteRaw(output, "{\n  \"" + ManifestJsonNames.Version + "\": ");
        WriteValue(values, output, writer => writer.WriteNumberValue(manifest.Version));
        WriteRaw(output, ",\n  \"" + ManifestJsonNames.BaseUrl + "\": ");
        WriteValue(values, output, writer => writer.WriteStringValue(manifest.BaseUrl));
        WriteRaw(output, ",\n  \"" + ManifestJsonNames.UpdatedUtc + "\": ");
        WriteValue(values, output, writer => writer.WriteStringValue(FormatDate(manifest.UpdatedUtc)));
        WriteRaw(output, ",\n  \"" + ManifestJsonNames.Files + "\": ");
        WriteArray(values, output, manifest.Files, WriteEntry);
        WriteRaw(output, ",\n  \"" + ManifestJsonNames.PendingUrls + "\": ");
        WriteArray(values, output, manifest.PendingUrls, (writer, url) => writer.WriteStringValue(url));
        WriteRaw(output, "\n}\n");
        return output.ToArray();
    }

    private static void WriteArray<T>(
        Utf8JsonWriter values,
        MemoryStream output,
        IReadOnlyList<T> items,
        Action<Utf8JsonWriter, T> writeItem)
    {
        if (items.Count == 0)
        {
            WriteRaw(output, "[]");
            return;
        }

        WriteRaw(output, "[");
        for (var i = 0; i < items.Count; i++)
        {
            WriteRaw(output, i == 0 ? "\n    " : ",\n    ");
            var item = items[i];
            WriteValue(values, output, writer => writeItem(writer, item));
        }

        WriteRaw(output, "\n  ]");
    }

    private static void WriteEntry(Utf8JsonWriter writer, ManifestFile file)
    {
        writer.WriteStartObject();
        writer.WriteString(ManifestJsonNames.Path, file.RelativePath);
        if (!string.Equals(file.UrlPath, file.RelativePath, StringComparison.Ordinal))
        {
            // Only precompressed siblings differ; leaving the common case out keeps the file small.
            writer.WriteString(ManifestJsonNames.UrlPath, file.UrlPath);
        }

        writer.WriteNumber(ManifestJsonNames.Size, file.Size);
        writer.WriteString(ManifestJsonNames.Sha256, file.Sha256);
        writer.WriteString(ManifestJsonNames.LastWriteTimeUtc, FormatDate(file.LastWriteTimeUtc));
        writer.WriteEndObject();
    }

    /// <summary>Writes one complete JSON value straight into <paramref name="output"/> with a reused writer.</summary>
    private static void WriteValue(Utf8JsonWriter values, MemoryStream output, Action<Utf8JsonWriter> write)
    {
        values.Reset(output);
        write(values);
        values.Flush();
    }

    private static void WriteRaw(MemoryStream output, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        output.Write(bytes, 0, bytes.Length);
    }

    private static string FormatDate(DateTime utc) =>
        utc.ToString(ManifestJsonNames.DateFormat, CultureInfo.InvariantCulture);
}
