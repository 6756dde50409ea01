using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// The manifest's times. Written in UTC as round-trip ISO-8601 (<c>2024-05-01T12:00:00.1234567Z</c>: every tick kept,
/// sorts as text); read from any ISO-8601 text, where a time without an offset counts as UTC, or from a number of
/// ticks, which a script may find easier to write.
/// </summary>
internal sealed class ManifestDateConverter : JsonConverter<DateTime>
{
    // ISO-8601 allows a comma before the fraction of a second; .NET Framework's parser reads only a point. Rare, so
    // the expression is built only for a time that has a comma.
    private const string SecondsFractionComma = @"(?<=\d\d:\d\d:\d\d),(?=\d)";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        // Without a message of its own the exception gets the serializer's, which names the value's place in the document.
        FromJson(JsonElement.ParseValue(ref reader)) ?? throw new JsonException();

    /// <summary>The time a JSON value holds, as text or ticks; null when it holds none.</summary>
    public static DateTime? FromJson(JsonElement value)
    {
        // AdjustToUniversal gives a UTC time; AssumeUniversal makes a time without an offset count as UTC.
        if (value.ValueKind == JsonValueKind.String
            && DateTime.TryParse(WithDecimalPoint(value.GetString()), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        if (value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var ticks)
            && ticks >= DateTime.MinValue.Ticks
            && ticks <= DateTime.MaxValue.Ticks)
        {
            return new DateTime(ticks, DateTimeKind.Utc);
        }

        return null;
    }

    private static string? WithDecimalPoint(string? text) =>
        text == null || text.IndexOf(',') < 0 ? text : Regex.Replace(text, SecondsFractionComma, ".", RegexOptions.CultureInvariant);

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("o", CultureInfo.InvariantCulture));
}
