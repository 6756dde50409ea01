using System;
using System.Buffers;
using System.Buffers.Text;
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
    // "2024-05-01T12:00:00.1234567Z"
    private const int RoundTripDateLength = 28;

    private static readonly JsonWriterOptions ValueOptions = new() { Indented = false };

    // The layout around the values, encoded once: a manifest of 50,000 files writes these 100,000 times.
    private static readonly byte[] FirstItem = Utf8("\n    ");
    private static readonly byte[] NextItem = Utf8(",\n    ");
    private static readonly byte[] ArrayStart = Utf8("[");
    private static readonly byte[] ArrayEnd = Utf8("\n  ]");
    private static readonly byte[] EmptyArray = Utf8("[]");

    public static byte[] Serialize(DeploymentManifest manifest)
    {
        using var output = new MemoryStream();
        WriteTo(output, manifest);
        return output.ToArray();
    }

    /// <summary>Writes the manifest straight into <paramref name="output"/>, so no copy of the whole document is ever held.</summary>
    public static void WriteTo(Stream output, DeploymentManifest manifest)
    {
        using var values = new Utf8JsonWriter(output, ValueOptions);

        WriteRaw(output, Utf8("{\n  \"" + ManifestJsonNames.Version + "\": "));
        values.WriteNumberValue(manifest.Version);
        EndValue(values, output);
        WriteRaw(output, Utf8(",\n  \"" + ManifestJsonNames.BaseUrl + "\": "));
        values.WriteStringValue(manifest.BaseUrl);
        EndValue(values, output);
        WriteRaw(output, Utf8(",\n  \"" + ManifestJsonNames.UpdatedUtc + "\": "));
        values.WriteStringValue(FormatDate(manifest.UpdatedUtc));
        EndValue(values, output);
        WriteRaw(output, Utf8(",\n  \"" + ManifestJsonNames.Files + "\": "));
        WriteArrayStart(output, manifest.Files.Count);
        for (var i = 0; i < manifest.Files.Count; i++)
        {
            WriteRaw(output, i == 0 ? FirstItem : NextItem);
            WriteEntry(values, manifest.Files[i]);
            EndValue(values, output);
        }

        WriteArrayEnd(output, manifest.Files.Count);
        WriteRaw(output, Utf8(",\n  \"" + ManifestJsonNames.PendingUrls + "\": "));
        WriteArrayStart(output, manifest.PendingUrls.Count);
        for (var i = 0; i < manifest.PendingUrls.Count; i++)
        {
            WriteRaw(output, i == 0 ? FirstItem : NextItem);
            values.WriteStringValue(manifest.PendingUrls[i]);
            EndValue(values, output);
        }

        WriteArrayEnd(output, manifest.PendingUrls.Count);
        WriteRaw(output, Utf8("\n}\n"));
    }

    private static void WriteArrayStart(Stream output, int count) => WriteRaw(output, count == 0 ? EmptyArray : ArrayStart);

    private static void WriteArrayEnd(Stream output, int count)
    {
        if (count > 0)
        {
            WriteRaw(output, ArrayEnd);
        }
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
        WriteDate(writer, ManifestJsonNames.LastWriteTimeUtc, file.LastWriteTimeUtc);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Hands one complete value to <paramref name="output"/> and readies the writer for the next one: the writer only
    /// ever holds one value, and the layout between values is written by us.
    /// </summary>
    private static void EndValue(Utf8JsonWriter values, Stream output)
    {
        values.Flush();
        values.Reset(output);
    }

    private static void WriteRaw(Stream output, byte[] bytes) => output.Write(bytes, 0, bytes.Length);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Formats into a stack buffer: one string per file for a date that is copied right away is not worth it.</summary>
    private static void WriteDate(Utf8JsonWriter writer, string propertyName, DateTime utc)
    {
        Span<byte> text = stackalloc byte[RoundTripDateLength];
        if (Utf8Formatter.TryFormat(DateTime.SpecifyKind(utc, DateTimeKind.Utc), text, out var written, new StandardFormat('O')) && written == RoundTripDateLength)
        {
            writer.WriteString(propertyName, text);
        }
        else
        {
            writer.WriteString(propertyName, FormatDate(utc));
        }
    }

    // For a UTC time "o" is exactly ManifestJsonNames.DateFormat, and the runtime formats it without a format parser.
    private static string FormatDate(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("o", CultureInfo.InvariantCulture);
}
