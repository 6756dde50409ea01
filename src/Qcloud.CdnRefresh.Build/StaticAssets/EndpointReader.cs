using System.Runtime.CompilerServices;

namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>
/// The <c>Endpoints</c> array of the endpoints file: each endpoint's route, and whether it is served with a
/// <c>Cache-Control</c> header that holds the directive <c>immutable</c>. Only routes become strings: the file holds
/// about seven headers, selectors and properties for each of thousands of endpoints.
/// </summary>
internal static class EndpointReader
{
    /// <summary>
    /// Of the array whose first token was read last, the routes whose every endpoint is immutable: one endpoint without
    /// the directive means the URL may change. Reads the array to its end.
    /// </summary>
    /// <remarks>Two sets of strings rather than a dictionary of flags: their code comes precompiled with the runtime.</remarks>
    [MethodImpl(JsonTokenizer.Optimized)]
    public static HashSet<string> ImmutableRoutes(JsonTokenizer json)
    {
        json.Expect(json.Token == JsonToken.StartArray, "'Endpoints' is not an array");
        var immutable = new HashSet<string>(StringComparer.Ordinal);
        var notImmutable = new HashSet<string>(StringComparer.Ordinal);
        string? route = null;
        for (var first = true; json.NextElement(ref first);)
        {
            route = Read(json, route, out var isImmutable);
            (isImmutable ? immutable : notImmutable).Add(route);
        }

        immutable.ExceptWith(notImmutable);
        return immutable;
    }

    /// <summary>
    /// The route of the endpoint whose first token was read last; reads the endpoint to its end. The SDK writes a
    /// route's endpoints one after another, so a route that is <paramref name="previousRoute"/> again is not decoded again.
    /// </summary>
    [MethodImpl(JsonTokenizer.Optimized)]
    private static string Read(JsonTokenizer json, string? previousRoute, out bool immutable)
    {
        json.Expect(json.Token == JsonToken.StartObject, "an endpoint is not an object");
        string? route = null;
        immutable = false;
        for (var first = true; json.NextProperty(ref first);)
        {
            if (json.ValueTextEquals("Route"u8))
            {
                json.Expect(json.Read() is JsonToken.String or JsonToken.Null, "an endpoint's 'Route' is not a string");
                route = json.Token == JsonToken.Null ? null : IsAsciiText(json, previousRoute) ? previousRoute : json.GetString();
            }
            else if (json.ValueTextEquals("ResponseHeaders"u8))
            {
                json.Read();
                immutable = HasImmutableCacheControl(json);
            }
            else
            {
                json.Read();
                json.Skip();
            }
        }

        return route is { Length: > 0 } ? route : throw json.Error("an endpoint has no 'Route'");
    }

    /// <summary>Whether the string read last is <paramref name="text"/>, all ASCII and without escapes.</summary>
    [MethodImpl(JsonTokenizer.Optimized)]
    private static bool IsAsciiText(JsonTokenizer json, string? text)
    {
        var bytes = json.ValueSpan;
        if (text is null || json.ValueIsEscaped || bytes.Length != text.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != text[i] || bytes[i] >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a <c>ResponseHeaders</c> array holds a <c>Cache-Control</c> header (name in any case) with the directive <c>immutable</c>.</summary>
    [MethodImpl(JsonTokenizer.Optimized)]
    private static bool HasImmutableCacheControl(JsonTokenizer json)
    {
        if (json.Token == JsonToken.Null)
        {
            return false;
        }

        json.Expect(json.Token == JsonToken.StartArray, "'ResponseHeaders' is not an array");
        var immutable = false;
        for (var first = true; json.NextElement(ref first);)
        {
            if (json.Token == JsonToken.Null)
            {
                continue;
            }

            json.Expect(json.Token == JsonToken.StartObject, "a response header is not an object");
            bool? isCacheControl = null; // unknown until the name is read; the SDK writes the name first
            var valueIsImmutable = false;
            for (var firstField = true; json.NextProperty(ref firstField);)
            {
                var isName = json.ValueTextEquals("Name"u8);
                var isValue = !isName && json.ValueTextEquals("Value"u8);
                json.Read();
                if (isName && json.Token == JsonToken.String)
                {
                    isCacheControl = IsCacheControl(json);
                }
                else if (isValue && isCacheControl != false && json.Token == JsonToken.String)
                {
                    valueIsImmutable = HasImmutable(json.GetUtf8Text());
                }
                else
                {
                    json.Skip();
                }
            }

            immutable |= isCacheControl == true && valueIsImmutable;
        }

        return immutable;
    }

    /// <summary>Whether the string read last is the header name <c>Cache-Control</c>, in any case.</summary>
    [MethodImpl(JsonTokenizer.Optimized)]
    private static bool IsCacheControl(JsonTokenizer json) =>
        EqualsIgnoringCase(json.GetComparableText(), "cache-control"u8);

    /// <summary>Whether a header value holds the directive <c>immutable</c>, in any case, among its comma-separated ones.</summary>
    [MethodImpl(JsonTokenizer.Optimized)]
    private static bool HasImmutable(ReadOnlySpan<byte> value)
    {
        while (true)
        {
            var comma = value.IndexOf((byte)',');
            if (EqualsIgnoringCase(TrimSpaces(comma < 0 ? value : value.Slice(0, comma)), "immutable"u8))
            {
                return true;
            }

            if (comma < 0)
            {
                return false;
            }

            value = value.Slice(comma + 1);
        }
    }

    [MethodImpl(JsonTokenizer.Optimized)]
    private static ReadOnlySpan<byte> TrimSpaces(ReadOnlySpan<byte> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && text[start] is (byte)' ' or (byte)'\t')
        {
            start++;
        }

        while (end > start && text[end - 1] is (byte)' ' or (byte)'\t')
        {
            end--;
        }

        return text.Slice(start, end - start);
    }

    /// <summary>Whether <paramref name="text"/> is <paramref name="lowerCase"/> with its ASCII letters in any case.</summary>
    [MethodImpl(JsonTokenizer.Optimized)]
    private static bool EqualsIgnoringCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerCase)
    {
        if (text.Length != lowerCase.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if ((text[i] is >= (byte)'A' and <= (byte)'Z' ? text[i] | 0x20 : text[i]) != lowerCase[i])
            {
                return false;
            }
        }

        return true;
    }
}
