using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// The JSON types of the manifest's fields, checked as a document is read: a JSON <c>null</c> is an absent value, and a
/// value of another type is a <see cref="JsonException"/> that names the field.
/// </summary>
internal static class ManifestJsonValues
{
    // ISO-8601 allows a comma before the fraction of a second; .NET Framework's parser reads only a point. Rare, so
    // the expression is built only for a time that has a comma.
    private const string SecondsFractionComma = @"(?<=\d\d:\d\d:\d\d),(?=\d)";

    /// <param name="value">The field's value.</param>
    /// <param name="name">The field's name.</param>
    /// <param name="index">The entry of the <c>files</c> array the field belongs to; -1 for a field of the document.</param>
    public static string? Text(JsonElement value, string name, int index = -1) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => throw new JsonException(Field(name, index) + " is not a string"),
    };

    /// <inheritdoc cref="Text"/>
    public static long? WholeNumber(JsonElement value, string name, int index = -1) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        _ => throw new JsonException(Field(name, index) + " is not a whole number"),
    };

    /// <inheritdoc cref="Text"/>
    public static bool? Flag(JsonElement value, string name, int index = -1) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new JsonException(Field(name, index) + " is not true or false"),
    };

    /// <summary>A time: ISO-8601 text (one without an offset counts as UTC) or a number of ticks, easier for a script to write.</summary>
    /// <inheritdoc cref="Text"/>
    public static DateTime? Time(JsonElement value, string name, int index = -1) => value.ValueKind switch
    {
        JsonValueKind.Null => null,

        // AdjustToUniversal gives a UTC time; AssumeUniversal makes a time without an offset count as UTC.
        JsonValueKind.String when DateTime.TryParse(
            WithDecimalPoint(value.GetString()!),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
            out var parsed) => parsed,
        JsonValueKind.Number when value.TryGetInt64(out var ticks) && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks =>
            new DateTime(ticks, DateTimeKind.Utc),
        _ => throw new JsonException(Field(name, index) + " is not a time (ISO 8601 text or a number of ticks)"),
    };

    private static string WithDecimalPoint(string text) =>
        text.IndexOf(',') < 0 ? text : Regex.Replace(text, SecondsFractionComma, ".", RegexOptions.CultureInvariant);

    /// <summary>The field as messages name it: <c>'size' of files[3]</c>, or <c>'version'</c>.</summary>
    private static string Field(string name, int index) => index < 0 ? $"'{name}'" : $"'{name}' of files[{index}]";
}
