using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Qcloud.CdnRefresh.Build.Diagnostics;

namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>
/// Reads which assets the web SDK serves as immutable: the routes of its endpoints file whose every endpoint has a
/// <c>Cache-Control</c> response header with the directive <c>immutable</c>. Such an asset is fingerprinted (its name
/// changes with its content), so the CDN's copy under its URL is never stale.
/// </summary>
internal static class EndpointsFileReader
{
    /// <summary>The endpoints file format this reader knows.</summary>
    public const int SupportedVersion = 1;

    /// <summary>
    /// The immutable routes of the file at <paramref name="path"/>; empty when there is no path or no file. A file that
    /// is not the JSON the SDK writes is a warning, and the run goes on as if it were absent.
    /// </summary>
    public static ISet<string> ImmutableRoutes(string? path, IRefreshLog log)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        try
        {
            var routes = Parse(File.ReadAllBytes(path));
            log.Detail($"Static web assets endpoints {path}: {routes.Count} immutable routes.");
            return routes;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            log.Warning(
                DiagnosticCodes.EndpointsFileInvalid,
                $"The static web assets endpoints file '{path}' is not the JSON the .NET SDK writes ({e.Message}). "
                + "No file counts as immutable: every changed or deleted file is refreshed, as without the file.");
            return new HashSet<string>(StringComparer.Ordinal);
        }
    }

    /// <summary>The immutable routes of an endpoints document, compared ordinally (URL paths are case-sensitive).</summary>
    /// <param name="content">The whole document (UTF-8, a BOM is allowed).</param>
    /// <exception cref="InvalidDataException">The document is not JSON, has another shape, or another version.</exception>
    public static ISet<string> Parse(byte[] content)
    {
        try
        {
            return ImmutableRoutesOf(Utf8WithoutBom(content));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("it is not JSON of the expected shape: " + e.Message, e);
        }
    }

    /// <remarks>
    /// One pass of a <see cref="Utf8JsonReader"/> that turns only routes and <c>Cache-Control</c> values into strings:
    /// the file holds several headers, selectors and properties for every endpoint, and the serializer would make
    /// objects of them all.
    /// </remarks>
    private static ISet<string> ImmutableRoutesOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "the document is not a JSON object");
        int? version = null;
        Dictionary<string, bool>? immutableByRoute = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Version"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null)
                {
                    Expect(reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out _), "'Version' is not a whole number");
                    version = reader.GetInt32();
                }
            }
            else if (reader.ValueTextEquals("Endpoints"u8))
            {
                reader.Read();
                immutableByRoute = reader.TokenType == JsonTokenType.Null ? null : ReadEndpoints(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (version != SupportedVersion)
        {
            throw new InvalidDataException(version is { } other ? $"'Version' is {other}, not {SupportedVersion}" : "'Version' is missing");
        }

        var routes = immutableByRoute ?? throw new InvalidDataException("'Endpoints' is missing");
        return new HashSet<string>(routes.Where(pair => pair.Value).Select(pair => pair.Key), StringComparer.Ordinal);
    }

    /// <summary>Every route with whether all its endpoints are immutable: one plain answer means the URL may change.</summary>
    private static Dictionary<string, bool> ReadEndpoints(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray, "'Endpoints' is not an array");
        var immutableByRoute = new Dictionary<string, bool>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(reader.TokenType == JsonTokenType.StartObject, "an endpoint is not an object");
            string? route = null;
            var immutable = false;
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

            if (route is not { Length: > 0 })
            {
                throw new InvalidDataException("an endpoint has no 'Route'");
            }

            immutableByRoute[route] = immutable && (!immutableByRoute.TryGetValue(route, out var before) || before);
        }

        return immutableByRoute;
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
            string? value = null;
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
                    value = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            immutable |= isCacheControl == true && value != null && HasImmutable(value);
        }

        return immutable;
    }

    /// <summary>The exact name without making a string; another spelling only when its length can match.</summary>
    private static bool IsCacheControl(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("Cache-Control"u8)
        || ((reader.ValueIsEscaped || reader.ValueSpan.Length == "Cache-Control".Length)
            && string.Equals(reader.GetString(), "Cache-Control", StringComparison.OrdinalIgnoreCase));

    private static bool HasImmutable(string cacheControl) =>
        cacheControl.Split(',').Any(directive => string.Equals(directive.Trim(), "immutable", StringComparison.OrdinalIgnoreCase));

    private static void Expect(bool condition, string problem)
    {
        if (!condition)
        {
            throw new JsonException(problem);
        }
    }

    /// <summary>The reader takes UTF-8 without a byte order mark.</summary>
    private static ReadOnlySpan<byte> Utf8WithoutBom(byte[] content) =>
        content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? content.AsSpan(3) : content;
}
