using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// The manifest's times. Written in UTC as round-trip ISO-8601 (<c>2024-05-01T12:00:00.1234567Z</c>: every tick kept,
/// sorts as text); read from any ISO-8601 text, where a time without an offset counts as UTC, or from a number of
/// ticks, which a script may find easier to write.
/// </summary>
internal sealed class ManifestDateConverter : JsonConverter<DateTime>
{
    // "2024-05-01T12:00:00.1234567Z"
    private const int RoundTripLength = 28;

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var parsed))
        {
            return parsed;
        }

        if (reader.TokenType == JsonTokenType.Number
            && reader.TryGetInt64(out var ticks)
            && ticks >= DateTime.MinValue.Ticks
            && ticks <= DateTime.MaxValue.Ticks)
        {
            return new DateTime(ticks, DateTimeKind.Utc);
        }

        // Without a message of its own the exception gets the serializer's, which names the value's place in the document.
        throw new JsonException();
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("o", CultureInfo.InvariantCulture));

    private static bool TryParse(string? text, out DateTime utc)
    {
        // What the writer writes, exactly; anything else ISO-8601 through the general parser.
        if (text is { Length: RoundTripLength } && text[RoundTripLength - 1] == 'Z'
            && DateTime.TryParseExact(text, "o", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var roundTrip))
        {
            utc = DateTime.SpecifyKind(roundTrip, DateTimeKind.Utc);
            return true;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            utc = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            return true;
        }

        utc = default;
        return false;
    }
}
