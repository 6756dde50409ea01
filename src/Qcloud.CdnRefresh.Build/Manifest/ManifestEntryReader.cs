using System;
using System.Buffers.Text;
using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// Reads one entry of a manifest's <c>files</c> array from a <see cref="Utf8JsonReader"/>, checking its fields in the
/// same order and with the same words as the rest of <see cref="ManifestReader"/>.
/// </summary>
internal static class ManifestEntryReader
{
    // "2024-05-01T12:00:00.1234567Z", ManifestJsonNames.DateFormat.
    private const int RoundTripLength = 28;

    /// <param name="reader">On the entry's first token; left on its last. The whole entry must be in its buffer (skipping
    /// within it then always succeeds, final block or not).</param>
    /// <param name="index">The entry's position, for messages.</param>
    /// <param name="file">The entry, when it has no defect.</param>
    /// <returns>Null, or the defect as a phrase for a <c>ManifestCorrupt</c> warning.</returns>
    public static string? TryRead(ref Utf8JsonReader reader, int index, out ManifestFile? file)
    {
        file = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.TrySkip();
            return $"files[{index}] is not an object";
        }

        var path = default(Field<string>);
        var urlPath = default(Field<string>);
        var sha256 = default(Field<string>);
        var size = default(Field<long>);
        var lastWrite = default(Field<DateTime>);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(ManifestJsonNames.Path))
            {
                reader.Read();
                path = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals(ManifestJsonNames.Sha256))
            {
                reader.Read();
                sha256 = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals(ManifestJsonNames.Size))
            {
                reader.Read();
                size = ReadSize(ref reader);
            }
            else if (reader.ValueTextEquals(ManifestJsonNames.LastWriteTimeUtc))
            {
                reader.Read();
                lastWrite = ReadDate(ref reader);
            }
            else if (reader.ValueTextEquals(ManifestJsonNames.UrlPath))
            {
                reader.Read();
                urlPath = ReadString(ref reader);
            }
            else
            {
                reader.Read();
                reader.TrySkip();
            }
        }

        // The checks of ManifestReader's DOM days, in their order: path, size, sha256, urlPath, time.
        if (path.State == FieldState.Missing)
        {
            return $"'{ManifestJsonNames.Path}' is missing";
        }

        if (path.State == FieldState.Invalid || string.IsNullOrEmpty(path.Value))
        {
            return $"'{ManifestJsonNames.Path}' is not a non-empty string";
        }

        if (!IsRelativeUrlPath(path.Value!))
        {
            return $"'{path.Value}' is not a relative path the content root could hold";
        }

        if (size.State == FieldState.Missing)
        {
            return $"'{ManifestJsonNames.Size}' is missing";
        }

        if (size.State == FieldState.Invalid || size.Value < 0)
        {
            return $"the size of '{path.Value}' is not a whole number of bytes";
        }

        if (sha256.State == FieldState.Missing)
        {
            return $"'{ManifestJsonNames.Sha256}' is missing";
        }

        if (sha256.State == FieldState.Invalid || string.IsNullOrEmpty(sha256.Value))
        {
            return $"'{ManifestJsonNames.Sha256}' is not a non-empty string";
        }

        if (!ManifestReader.IsSha256Hex(sha256.Value!))
        {
            return $"the sha256 of '{path.Value}' is not 64 hexadecimal digits";
        }

        if (urlPath.State == FieldState.Invalid || (urlPath.Value is { Length: > 0 } url && !IsRelativeUrlPath(url)))
        {
            return $"'{ManifestJsonNames.UrlPath}' of '{path.Value}' is not a relative path the content root could hold";
        }

        if (lastWrite.State == FieldState.Invalid)
        {
            return $"'{ManifestJsonNames.LastWriteTimeUtc}' is not an ISO-8601 date or a number of ticks";
        }

        var lastWriteUtc = lastWrite.State == FieldState.Present ? lastWrite.Value : DateTime.MinValue;
        file = new ManifestFile(path.Value!, size.Value, ManifestReader.LowercaseHex(sha256.Value!), lastWriteUtc, urlPath.Value);
        return null;
    }

    private static Field<string> ReadString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            reader.TrySkip();
            return new Field<string>(FieldState.Invalid, null);
        }

        return new Field<string>(FieldState.Present, reader.GetString());
    }

    private static Field<long> ReadSize(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
        {
            return new Field<long>(FieldState.Present, value);
        }

        reader.TrySkip();
        return new Field<long>(FieldState.Invalid, 0);
    }

    private static Field<DateTime> ReadDate(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return default;
            case JsonTokenType.String when TryParseRoundTripUtf8(ref reader, out var roundTrip):
                return new Field<DateTime>(FieldState.Present, roundTrip);
            case JsonTokenType.String when ManifestReader.TryParseDate(reader.GetString(), out var parsed):
                return new Field<DateTime>(FieldState.Present, parsed);
            case JsonTokenType.Number when reader.TryGetInt64(out var ticks) && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks:
                return new Field<DateTime>(FieldState.Present, new DateTime(ticks, DateTimeKind.Utc));
            default:
                reader.TrySkip();
                return new Field<DateTime>(FieldState.Invalid, default);
        }
    }

    /// <summary>
    /// What the writer writes (<c>2024-05-01T12:00:00.1234567Z</c>), parsed from the UTF-8 bytes as
    /// <see cref="ManifestReader.TryParseDate"/> parses its string, without making 50,000 strings of it. Anything else
    /// (escaped, another length or form) is left to <see cref="ManifestReader.TryParseDate"/>.
    /// </summary>
    private static bool TryParseRoundTripUtf8(ref Utf8JsonReader reader, out DateTime utc)
    {
        utc = default;
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            return false;
        }

        var text = reader.ValueSpan;
        if (text.Length != RoundTripLength || text[RoundTripLength - 1] != (byte)'Z'
            || !Utf8Parser.TryParse(text, out DateTime parsed, out var consumed, 'O') || consumed != RoundTripLength)
        {
            return false;
        }

        utc = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
        return true;
    }

    private enum FieldState
    {
        Missing,
        Present,
        Invalid,
    }

    /// <summary>One field of an entry as found: absent (or null), a usable value, or a value of the wrong kind.</summary>
    private readonly struct Field<T>
    {
        public Field(FieldState state, T? value)
        {
            State = state;
            Value = value;
        }

        public FieldState State { get; }

        public T? Value { get; }
    }

    /// <summary>A deleted entry is mapped to a URL: one with an empty, '.' or '..' segment, or no Unicode form, never could be.</summary>
    private static bool IsRelativeUrlPath(string path)
    {
        // Read every manifest load, for every entry: no allocation.
        var start = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] != '/')
            {
                continue;
            }

            var length = i - start;
            if (length == 0 || (length == 1 && path[start] == '.') || (length == 2 && path[start] == '.' && path[start + 1] == '.'))
            {
                return false;
            }

            start = i + 1;
        }

        return Mapping.UrlPathEncoder.IsEncodable(path);
    }
}
