using System;
using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// Reads one entry of a manifest's <c>files</c> array from a <see cref="Utf8JsonReader"/>, checking its fields in the
/// same order and with the same words as the rest of <see cref="ManifestReader"/>.
/// </summary>
internal static class ManifestEntryReader
{
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

        if (urlPath.State == FieldState.Invalid)
        {
            return $"'{ManifestJsonNames.UrlPath}' is not a string";
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
            case JsonTokenType.String when ManifestReader.TryParseDate(reader.GetString(), out var parsed):
                return new Field<DateTime>(FieldState.Present, parsed);
            case JsonTokenType.Number when reader.TryGetInt64(out var ticks) && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks:
                return new Field<DateTime>(FieldState.Present, new DateTime(ticks, DateTimeKind.Utc));
            default:
                reader.TrySkip();
                return new Field<DateTime>(FieldState.Invalid, default);
        }
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
}
