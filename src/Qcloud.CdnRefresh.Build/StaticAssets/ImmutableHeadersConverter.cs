using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>
/// Reads an endpoint's <c>ResponseHeaders</c> (<c>[{"Name":"Cache-Control","Value":"max-age=31536000, immutable"}, …]</c>)
/// as one answer: does a <c>Cache-Control</c> header (name in any case) carry the directive <c>immutable</c> (in any case)?
/// Only that header's value becomes a string: an endpoints file holds several headers for every endpoint, and the
/// others are never looked at.
/// </summary>
internal sealed class ImmutableHeadersConverter : JsonConverter<bool>
{
    private const string CacheControl = "Cache-Control";

    /// <summary>A <c>null</c> array is no headers, so not immutable.</summary>
    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        Expect(reader.TokenType == JsonTokenType.StartArray, "'ResponseHeaders' is not an array");
        var immutable = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            Expect(reader.TokenType == JsonTokenType.StartObject, "a response header is not an object");
            immutable |= ReadHeader(ref reader);
        }

        return immutable;
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The endpoints file is only read.");

    /// <summary>Reads one header object, the reader on its start; true when it is <c>Cache-Control</c> with <c>immutable</c>.</summary>
    private static bool ReadHeader(ref Utf8JsonReader reader)
    {
        bool? isCacheControl = null;
        string? value = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isName = reader.ValueTextEquals("Name"u8);
            var isValue = !isName && reader.ValueTextEquals("Value"u8);
            reader.Read();
            if (isName)
            {
                isCacheControl = reader.TokenType == JsonTokenType.String && IsCacheControl(ref reader);
            }
            else if (isValue && isCacheControl != false && reader.TokenType == JsonTokenType.String)
            {
                value = reader.GetString();
            }
            else
            {
                // The serializer hands a converter its whole value, so skipping never runs out of data.
                Expect(reader.TrySkip(), "a response header is cut short");
            }
        }

        return isCacheControl == true && value is not null && HasImmutable(value);
    }

    /// <summary>The exact name without making a string; another spelling only when its length can match.</summary>
    private static bool IsCacheControl(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals(CacheControl)
        || ((reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length == CacheControl.Length)
            && string.Equals(reader.GetString(), CacheControl, StringComparison.OrdinalIgnoreCase));

    private static bool HasImmutable(string cacheControl)
    {
        foreach (var directive in cacheControl.Split(','))
        {
            if (string.Equals(directive.Trim(), "immutable", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void Expect(bool condition, string problem)
    {
        if (!condition)
        {
            throw new JsonException(problem);
        }
    }
}
