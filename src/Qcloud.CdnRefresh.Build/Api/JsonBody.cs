using System.Globalization;
using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>Lenient readers for Tencent's answers, whose fields do not always have the type their documentation says.</summary>
internal static class JsonBody
{
    /// <summary>Parses a body, or returns null when it is not JSON (an HTML page, a truncated body).</summary>
    public static JsonDocument? TryParse(byte[] body)
    {
        // A UTF-8 byte order mark is legal on the wire but not to the JSON reader.
        var start = body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF ? 3 : 0;
        try
        {
            return JsonDocument.Parse(new ReadOnlyMemory<byte>(body, start, body.Length - start));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The property <paramref name="name"/> of an object; null when it is missing or the element is no object.</summary>
    public static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var property) ? property : null;

    /// <summary>A string or number as text (documented as Int, <c>task_id</c> is sent as a string); null otherwise.</summary>
    public static string? Text(JsonElement? element)
    {
        try
        {
            return element?.ValueKind switch
            {
                JsonValueKind.String => element.Value.GetString(),
                JsonValueKind.Number => element.Value.GetRawText(),
                _ => null,
            };
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 or a lone surrogate escape in the string: treated as a value that is not there.
            return null;
        }
    }

    /// <summary>An integer sent as a number or as a numeric string; null otherwise.</summary>
    public static long? Integer(JsonElement? element) => element?.ValueKind switch
    {
        JsonValueKind.Number when element.Value.TryGetInt64(out var number) => number,
        JsonValueKind.String when long.TryParse(element.Value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
