using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>
/// One endpoint of the endpoints file: its route, and whether it is served with a <c>Cache-Control</c> header that
/// holds the directive <c>immutable</c>. Only the route and that header's value become strings.
/// </summary>
/// <remarks>Each method returns false when the data ends before the value does; the caller then reads it again with more.</remarks>
internal static class EndpointReader
{
    /// <summary>
    /// Reads the next endpoint into <paramref name="immutableByRoute"/>, or the array's end; <paramref name="endsArray"/>
    /// says which. A route stays immutable only while all its endpoints are.
    /// </summary>
    public static bool TryReadNext(ref Utf8JsonReader reader, Dictionary<string, bool> immutableByRoute, out bool endsArray)
    {
        endsArray = false;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.EndArray)
        {
            endsArray = true;
            return true;
        }

        Expect(reader.TokenType == JsonTokenType.StartObject, "an endpoint is not an object");
        string? route = null;
        var immutable = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return Record(immutableByRoute, route, immutable);
            }

            var isRoute = reader.ValueTextEquals("Route"u8);
            var isHeaders = !isRoute && reader.ValueTextEquals("ResponseHeaders"u8);
            if (!reader.Read())
            {
                return false;
            }

            if (isRoute)
            {
                Expect(reader.TokenType is JsonTokenType.String or JsonTokenType.Null, "an endpoint's 'Route' is not a string");
                route = reader.GetString();
            }
            else if (isHeaders ? !TryReadHeaders(ref reader, out immutable) : !reader.TrySkip())
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Throws the <see cref="JsonException"/> that says what is wrong with the document, unless <paramref name="condition"/> holds.</summary>
    public static void Expect(bool condition, string problem)
    {
        if (!condition)
        {
            throw new JsonException(problem);
        }
    }

    private static bool Record(Dictionary<string, bool> immutableByRoute, string? route, bool immutable)
    {
        if (route is not { Length: > 0 })
        {
            throw new InvalidDataException("an endpoint has no 'Route'");
        }

        immutableByRoute[route] = immutable && (!immutableByRoute.TryGetValue(route, out var before) || before);
        return true;
    }

    /// <summary>Whether a <c>ResponseHeaders</c> array holds a <c>Cache-Control</c> header (name in any case) with the directive <c>immutable</c>.</summary>
    private static bool TryReadHeaders(ref Utf8JsonReader reader, out bool immutable)
    {
        immutable = false;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        Expect(reader.TokenType == JsonTokenType.StartArray, "'ResponseHeaders' is not an array");
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return true;
            }

            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            Expect(reader.TokenType == JsonTokenType.StartObject, "a response header is not an object");
            if (!TryReadHeader(ref reader, out var isImmutableCacheControl))
            {
                return false;
            }

            immutable |= isImmutableCacheControl;
        }

        return false;
    }

    private static bool TryReadHeader(ref Utf8JsonReader reader, out bool isImmutableCacheControl)
    {
        isImmutableCacheControl = false;
        bool? isCacheControl = null; // unknown until the name is read; the SDK writes the name first
        var valueIsImmutable = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                isImmutableCacheControl = isCacheControl == true && valueIsImmutable;
                return true;
            }

            var isName = reader.ValueTextEquals("Name"u8);
            var isValue = !isName && reader.ValueTextEquals("Value"u8);
            if (!reader.Read())
            {
                return false;
            }

            if (isName && reader.TokenType == JsonTokenType.String)
            {
                isCacheControl = IsCacheControl(ref reader);
            }
            else if (isValue && isCacheControl != false && reader.TokenType == JsonTokenType.String)
            {
                valueIsImmutable = HasImmutable(ref reader);
            }
            else if (!reader.TrySkip())
            {
                return false;
            }
        }

        return false;
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
