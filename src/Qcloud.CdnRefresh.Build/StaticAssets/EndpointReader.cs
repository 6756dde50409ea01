using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>
/// The <c>Endpoints</c> array of the endpoints file: each endpoint's route, and whether it is served with a
/// <c>Cache-Control</c> header that holds the directive <c>immutable</c>. Only routes and that header's values become
/// strings: the file holds about seven headers, selectors and properties for each of thousands of endpoints.
/// </summary>
internal static class EndpointReader
{
    /// <summary>
    /// The routes of the array whose start <paramref name="reader"/> stands on whose every endpoint is immutable: one
    /// endpoint without the directive means the URL may change. Leaves the reader on the array's end.
    /// </summary>
    /// <remarks>Two sets of strings rather than a dictionary of flags: their code comes precompiled with the runtime.</remarks>
    public static HashSet<string> ImmutableRoutes(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray, "'Endpoints' is not an array");
        var immutable = new HashSet<string>(StringComparer.Ordinal);
        var notImmutable = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var route = Read(ref reader, out var isImmutable);
            (isImmutable ? immutable : notImmutable).Add(route);
        }

        immutable.ExceptWith(notImmutable);
        return immutable;
    }

    /// <summary>Throws the <see cref="JsonException"/> that says what is wrong with the document, unless <paramref name="condition"/> holds.</summary>
    public static void Expect(bool condition, string problem)
    {
        if (!condition)
        {
            throw new JsonException(problem);
        }
    }

    /// <summary>The route of the endpoint whose start <paramref name="reader"/> stands on; leaves the reader on its end.</summary>
    private static string Read(ref Utf8JsonReader reader, out bool immutable)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject, "an endpoint is not an object");
        string? route = null;
        immutable = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Route"u8))
            {
                reader.Read();
                Expect(reader.TokenType is JsonTokenType.String or JsonTokenType.Null, "an endpoint's 'Route' is not a string");
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
                reader.Skip();
            }
        }

        return route is { Length: > 0 } ? route : throw new InvalidDataException("an endpoint has no 'Route'");
    }

    /// <summary>Whether a <c>ResponseHeaders</c> array holds a <c>Cache-Control</c> header (name in any case) with the directive <c>immutable</c>.</summary>
    private static bool HasImmutableCacheControl(ref Utf8JsonReader reader)
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
                    reader.Skip();
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
        var length = reader.ValueSpan.Length;
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
