using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// A manifest document read in one forward pass with <see cref="Utf8JsonReader"/>: the small top-level values are
/// kept as elements, the file entries become <see cref="ManifestFile"/>s straight away. No document object model is
/// built for the entries, which at 50,000 files would cost more memory and time than the entries themselves.
/// Defects in the content are recorded, not thrown, so that <see cref="ManifestReader"/> can judge them in its own order
/// (the version first); only malformed JSON throws.
/// </summary>
internal sealed class ManifestDocument
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private ManifestDocument()
    {
    }

    public bool IsObject { get; private set; }

    public JsonElement? Version { get; private set; }

    public JsonElement? BaseUrl { get; private set; }

    public JsonElement? UpdatedUtc { get; private set; }

    public JsonElement? PendingUrls { get; private set; }

    /// <summary>The kind of the <c>files</c> value, or <see cref="JsonValueKind.Undefined"/> when there is none.</summary>
    public JsonValueKind FilesKind { get; private set; }

    /// <summary>The entries read, in document order, up to the first defect.</summary>
    public List<ManifestFile> Files { get; } = new();

    /// <summary>The first defect among the entries (as <see cref="ManifestReader"/> words it), or null.</summary>
    public string? FilesDefect { get; private set; }

    /// <exception cref="JsonException">The bytes are not one well-formed JSON value.</exception>
    public static ManifestDocument Read(ReadOnlySpan<byte> utf8Json)
    {
        var document = new ManifestDocument();
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        if (!reader.Read())
        {
            throw new JsonException("The document is empty.");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
        }
        else
        {
            document.IsObject = true;
            document.ReadProperties(ref reader);
        }

        // Anything after the value is malformed JSON; the reader says so on the next read.
        reader.Read();
        return document;
    }

    private void ReadProperties(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // A repeated name: the last value counts, as with JsonDocument's lookup.
            if (reader.ValueTextEquals(ManifestJsonNames.Files))
            {
                reader.Read();
                ReadFiles(ref reader);
            }
            else if (reader.ValueTextEquals(ManifestJsonNames.Version))
            {
                reader.Read();
                Version = JsonElement.ParseValue(ref reader);
            }
            else if (reader.ValueTextEquals(ManifestJsonNames.BaseUrl))
            {
                reader.Read();
                BaseUrl = JsonElement.ParseValue(ref reader);
            }
            else if (reader.ValueTextEquals(ManifestJsonNames.UpdatedUtc))
            {
                reader.Read();
                UpdatedUtc = JsonElement.ParseValue(ref reader);
            }
            else if (reader.ValueTextEquals(ManifestJsonNames.PendingUrls))
            {
                reader.Read();
                PendingUrls = JsonElement.ParseValue(ref reader);
            }
            else
            {
                // Unknown fields (a newer minor writer, a human) are ignored.
                reader.Read();
                reader.Skip();
            }
        }
    }

    private void ReadFiles(ref Utf8JsonReader reader)
    {
        Files.Clear();
        FilesDefect = null;
        FilesKind = KindOf(reader.TokenType);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (FilesDefect is not null)
            {
                reader.Skip();
                continue;
            }

            FilesDefect = ManifestEntryReader.TryRead(ref reader, index, out var file);
            if (FilesDefect is null && !seen.Add(file!.RelativePath))
            {
                FilesDefect = $"the file '{file.RelativePath}' is listed twice";
            }

            if (FilesDefect is null)
            {
                Files.Add(file!);
            }

            index++;
        }
    }

    private static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    };
}
