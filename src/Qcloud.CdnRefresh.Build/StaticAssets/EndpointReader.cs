using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>
/// One endpoint of the endpoints file: its route, and whether it is served with a <c>Cache-Control</c> header that
/// holds the directive <c>immutable</c>. Only the route and that header's value become strings.
/// </summary>
internal static class EndpointReader
{
    /// <summary>Reads the endpoint whose start <paramref name="reader"/> stands on; false when the data ends inside it.</summary>
    public static bool Read(ref Utf8JsonReader reader, Dictionary<string, bool> immutableByRoute)
    {
        EndpointsArray.Expect(reader.TokenType == JsonTokenType.StartObject, "an endpoint is not an object");
        var depth = reader.CurrentDepth;
        string? route = null;
        var immutable = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Route"u8))
            {
                reader.Read();
                EndpointsArray.Expect(reader.TokenType is JsonTokenType.String or JsonTokenType.Null, "an endpoint's 'Route' is not a string");
                route = reader.GetString();
            }
            else if (reader.ValueTextEquals("ResponseHeaders"u8))
            {
                reader.Read();
                immutable = HasImmutableCacheControl(ref reader);
            }
            else
            {
                reader.Read();
                reader.TrySkip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != depth)
        {
            return false;
        }

        if (route is not { Length: > 0 })
        {
            throw new InvalidDataException("an endpoint has no 'Route'");
        }

        Record(immutableByRoute, route, immutable);
        return true;
    }

    /// <summary>Records one endpoint of <paramref name="route"/>: the route stays immutable only while all its endpoints are.</summary>
    public static void Record(Dictionary<string, bool> immutableByRoute, string route, bool immutable) =>
        immutableByRoute[route] = immutable && (!immutableByRoute.TryGetValue(route, out var before) || before);

    /// <summary>Whether a <c>ResponseHeaders</c> array holds a <c>Cache-Control</c> header (name in any case) with the directive <c>immutable</c>.</summary>
    private static bool HasImmutableCacheControl(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        EndpointsArray.Expect(reader.TokenType == JsonTokenType.StartArray, "'ResponseHeaders' is not an array");
        var immutable = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            EndpointsArray.Expect(reader.TokenType == JsonTokenType.StartObject, "a response header is not an object");
            bool? isCacheControl = null; // unknown until the name is read; the SDK writes the name first
            var valueIsImmutable = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isName = reader.ValueTextEquals("Name"u8);
                var isValue = !isName && reader.ValueTextEquals("Value"u8);
                reader.Read();
                if (isName && reader.TokenType == JsonTokenType.String)
                {
                    isCacheControl = IsCacheControl(ref reader);
                }
                else if (isValue && isCacheControl != false && reader.TokenType == JsonTokenType.String)
                {
                    valueIsImmutable = HasImmutable(ref reader);
                }
                else
                {
                    reader.TrySkip();
                }
            }

            immutable |= isCacheControl == true && valueIsImmutable;
        }

        return immutable;
    }

    /// <summary>The exact name without making a string; another spelling only when its length can match.</summary>
    private static bool IsCacheControl(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("Cache-Control"u8)
        || ((reader.ValueIsEscaped || reader.ValueSpan.Length == "Cache-Control".Length)
            && string.Equals(reader.GetString(), "Cache-Control", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the string value holds the directive <c>immutable</c>, in any case, among its comma-separated ones.</summary>
    /// <remarks>The value is copied onto the stack when it fits: the file holds a header value for every endpoint.</remarks>
    private static bool HasImmutable(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        var value = length <= 256 ? stackalloc char[256] : new char[length];
        var rest = (ReadOnlySpan<char>)value.Slice(0, reader.CopyString(value));
        while (true)
        {
            var comma = rest.IndexOf(',');
            var directive = (comma < 0 ? rest : rest.Slice(0, comma)).Trim();
            if (directive.Equals("immutable".AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (comma < 0)
            {
                return false;
            }

            rest = rest.Slice(comma + 1);
        }
    }
}
