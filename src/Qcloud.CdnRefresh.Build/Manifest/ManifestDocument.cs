using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// A manifest document read in one forward pass with <see cref="Utf8JsonReader"/>, a chunk of the stream at a time (see
/// <see cref="JsonChunkBuffer"/>): the small top-level values are kept as elements, the file entries become
/// <see cref="ManifestFile"/>s straight away. No document object model is built for the entries, which at 50,000 files
/// would cost more memory and time than the entries themselves.
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

    // Bytes held at a time: entries are a few hundred bytes, so chunks this size cost a handful of reads per megabyte.
    private const int DefaultBufferSize = 64 * 1024;

    // Duplicate detection within the files array (see IsRepeated) and the position of the next entry.
    private string? _lastPath;
    private HashSet<string>? _seen;
    private int _index;

    private ManifestDocument()
    {
    }

    private enum Stage
    {
        Root,
        Properties,
        Files,
        End,
        Done,
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
    /// <exception cref="IOException">The stream could not be read.</exception>
    /// <param name="utf8Json">The document (UTF-8, a BOM is allowed), read to its end but not disposed.</param>
    /// <param name="bufferSize">Bytes held at a time; a test seam to put chunk boundaries everywhere.</param>
    public static ManifestDocument Read(Stream utf8Json, int bufferSize = DefaultBufferSize)
    {
        var document = new ManifestDocument();
        using var buffer = new JsonChunkBuffer(utf8Json, ReaderOptions, bufferSize);
        var stage = Stage.Root;
        while (true)
        {
            var reader = buffer.Reader();
            var accepted = 0L;
            var acceptedState = buffer.State;

            // Step by step while the buffer holds each step whole; a step that runs out of bytes is undone and retried
            // on a fuller buffer, so every step sees the same tokens as a reader over the whole document would.
            while (document.Step(ref reader, stage) is { } next)
            {
                stage = next;
                accepted = reader.BytesConsumed;
                acceptedState = reader.CurrentState;
                if (stage == Stage.Done)
                {
                    return document;
                }
            }

            buffer.Accept(accepted, acceptedState);
            buffer.ReadMore();
        }
    }

    /// <summary>One step of the document: the stage to go on with, or null when the buffer ended before the step did.</summary>
    /// <remarks>At the final block the reader throws rather than run out of bytes inside a value, so null never repeats forever.</remarks>
    private Stage? Step(ref Utf8JsonReader reader, Stage stage)
    {
        switch (stage)
        {
            case Stage.Root:
                if (!reader.Read())
                {
                    return reader.IsFinalBlock ? throw new JsonException("The document is empty.") : null;
                }

                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    IsObject = true;
                    return Stage.Properties;
                }

                return reader.TrySkip() ? Stage.End : null;
            case Stage.Properties:
                if (!reader.Read())
                {
                    return null;
                }

                return reader.TokenType == JsonTokenType.PropertyName ? Property(ref reader) : Stage.End;
            case Stage.Files:
                if (!reader.Read())
                {
                    return null;
                }

                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    return Stage.Properties;
                }

                if (!IsWhole(reader))
                {
                    return null;
                }

                Entry(ref reader);
                return Stage.Files;
            default:
                // Anything after the value is malformed JSON; the reader says so on the next read.
                return reader.Read() || reader.IsFinalBlock ? Stage.Done : null;
        }
    }

    /// <summary>One top-level property, the reader on its name: its value is kept, skipped, or (files) entered.</summary>
    private Stage? Property(ref Utf8JsonReader reader)
    {
        // A repeated name: the last value counts, as with JsonDocument's lookup.
        var name = reader.ValueTextEquals(ManifestJsonNames.Files) ? ManifestJsonNames.Files
            : reader.ValueTextEquals(ManifestJsonNames.Version) ? ManifestJsonNames.Version
            : reader.ValueTextEquals(ManifestJsonNames.BaseUrl) ? ManifestJsonNames.BaseUrl
            : reader.ValueTextEquals(ManifestJsonNames.UpdatedUtc) ? ManifestJsonNames.UpdatedUtc
            : reader.ValueTextEquals(ManifestJsonNames.PendingUrls) ? ManifestJsonNames.PendingUrls
            : null;
        if (!reader.Read())
        {
            return null;
        }

        if (name == ManifestJsonNames.Files)
        {
            // The array is read entry by entry (Stage.Files); only a value of another kind needs to be whole.
            if (reader.TokenType != JsonTokenType.StartArray && !IsWhole(reader))
            {
                return null;
            }

            StartFiles(reader.TokenType);
            return reader.TokenType == JsonTokenType.StartArray ? Stage.Files : SkipWhole(ref reader);
        }

        if (!IsWhole(reader))
        {
            return null;
        }

        switch (name)
        {
            case ManifestJsonNames.Version:
                Version = JsonElement.ParseValue(ref reader);
                break;
            case ManifestJsonNames.BaseUrl:
                BaseUrl = JsonElement.ParseValue(ref reader);
                break;
            case ManifestJsonNames.UpdatedUtc:
                UpdatedUtc = JsonElement.ParseValue(ref reader);
                break;
            case ManifestJsonNames.PendingUrls:
                PendingUrls = JsonElement.ParseValue(ref reader);
                break;
            default:
                // Unknown fields (a newer minor writer, a human) are ignored.
                return SkipWhole(ref reader);
        }

        return Stage.Properties;
    }

    private void StartFiles(JsonTokenType token)
    {
        Files.Clear();
        FilesDefect = null;
        FilesKind = KindOf(token);
        _lastPath = null;
        _seen = null;
        _index = 0;
    }

    /// <summary>One entry of <c>files</c>, whole in the buffer.</summary>
    private void Entry(ref Utf8JsonReader reader)
    {
        if (FilesDefect is not null)
        {
            reader.TrySkip();
            return;
        }

        FilesDefect = ManifestEntryReader.TryRead(ref reader, _index, out var file);
        if (FilesDefect is null && IsRepeated(file!.RelativePath))
        {
            FilesDefect = $"the file '{file.RelativePath}' is listed twice";
        }

        if (FilesDefect is null)
        {
            Files.Add(file!);
        }

        _index++;
    }

    /// <summary>
    /// Whether the path came before. Written manifests are sorted, so while every path sorts after the one before, none
    /// can repeat and no set of 50,000 paths is needed; an unsorted (hand-edited) one falls back to remembering them.
    /// </summary>
    private bool IsRepeated(string path)
    {
        if (_seen is null)
        {
            if (_lastPath is null || string.CompareOrdinal(_lastPath, path) < 0)
            {
                _lastPath = path;
                return false;
            }

            _seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var earlier in Files)
            {
                _seen.Add(earlier.RelativePath);
            }
        }

        return !_seen.Add(path);
    }

    /// <summary>Whether the value starting at the reader's token ends within the buffer (the reader is a copy).</summary>
    private static bool IsWhole(Utf8JsonReader probe) => probe.TrySkip();

    /// <summary>Skips a value <see cref="IsWhole"/> found whole: cannot run out of bytes.</summary>
    private static Stage SkipWhole(ref Utf8JsonReader reader)
    {
        reader.TrySkip();
        return Stage.Properties;
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
