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

    /// <summary>How many bytes of the file are read at a time; an endpoint longer than that is read whole.</summary>
    public const int DefaultBlockSize = 64 * 1024;

    /// <summary>
    /// The routes <paramref name="content"/> holds, logging what it gave: how many, or why the file is not used. A file
    /// that is not the JSON the SDK writes is a warning, and the run goes on as if it were absent.
    /// </summary>
    public static ISet<string> ImmutableRoutes(EndpointsFileContent content, IRefreshLog log)
    {
        if (content.Problem is { } problem)
        {
            log.Warning(
                DiagnosticCodes.EndpointsFileInvalid,
                $"The static web assets endpoints file '{content.Path}' is not the JSON the .NET SDK writes ({problem}). "
                + "No file counts as immutable: every changed or deleted file is refreshed, as without the file.");
        }
        else if (content.ImmutableRoutes is { } routes)
        {
            log.Detail($"Static web assets endpoints {content.Path}: {routes.Count} immutable routes.");
            return routes;
        }

        return new HashSet<string>(StringComparer.Ordinal);
    }

    /// <summary>Reads the file at <paramref name="path"/> without logging, so that another thread may read it.</summary>
    public static EndpointsFileContent Read(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return new EndpointsFileContent(path, null, null);
        }

        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return new EndpointsFileContent(path, Parse(file), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new EndpointsFileContent(path, null, e.Message);
        }
    }

    /// <summary>The immutable routes of an endpoints document, compared ordinally (URL paths are case-sensitive).</summary>
    /// <param name="content">The document (UTF-8, a BOM is allowed).</param>
    /// <param name="blockSize">How many bytes of it are read at a time.</param>
    /// <exception cref="InvalidDataException">The document is not JSON, has another shape, or another version.</exception>
    public static ISet<string> Parse(Stream content, int blockSize = DefaultBlockSize)
    {
        try
        {
            return ImmutableRoutesOf(new JsonBlocks(content, blockSize));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("it is not JSON of the expected shape: " + e.Message, e);
        }
        catch (InvalidOperationException e)
        {
            // A route or header whose text is not valid Unicode (a lone surrogate escape, bytes that are not UTF-8).
            throw new InvalidDataException("it holds text that is not valid Unicode: " + e.Message, e);
        }
    }

    private static ISet<string> ImmutableRoutesOf(JsonBlocks json)
    {
        var reader = json.Reader();
        while (!reader.Read())
        {
            reader = json.ReadMore();
        }

        EndpointReader.Expect(reader.TokenType == JsonTokenType.StartObject, "the document is not a JSON object");
        reader = json.Keep(reader);
        int? version = null;
        Dictionary<string, bool>? immutableByRoute = null;
        while (true)
        {
            Property property;
            while (!TryReadProperty(ref reader, out property))
            {
                reader = json.ReadMore();
            }

            if (property == Property.None)
            {
                break;
            }

            if (property == Property.Version && reader.TokenType != JsonTokenType.Null)
            {
                EndpointReader.Expect(reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out _), "'Version' is not a whole number");
                version = reader.GetInt32();
            }

            var isEndpoints = property == Property.Endpoints && reader.TokenType != JsonTokenType.Null;
            EndpointReader.Expect(!isEndpoints || reader.TokenType == JsonTokenType.StartArray, "'Endpoints' is not an array");
            immutableByRoute = property != Property.Endpoints ? immutableByRoute : isEndpoints ? new(StringComparer.Ordinal) : null;
            reader = json.Keep(reader);
            var endsArray = !isEndpoints;
            while (!endsArray)
            {
                while (!EndpointReader.TryReadNext(ref reader, immutableByRoute!, out endsArray))
                {
                    reader = json.ReadMore();
                }

                reader = json.Keep(reader);
            }
        }

        if (version != SupportedVersion)
        {
            throw new InvalidDataException(version is { } other ? $"'Version' is {other}, not {SupportedVersion}" : "'Version' is missing");
        }

        var routes = immutableByRoute ?? throw new InvalidDataException("'Endpoints' is missing");
        return new HashSet<string>(routes.Where(route => route.Value).Select(route => route.Key), StringComparer.Ordinal);
    }

    /// <summary>
    /// Reads the next property's name and its value's first token (all of the value, when it is not one this reader
    /// uses); <paramref name="property"/> is <see cref="Property.None"/> at the document's end.
    /// </summary>
    private static bool TryReadProperty(ref Utf8JsonReader reader, out Property property)
    {
        property = Property.None;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            return true;
        }

        property = reader.ValueTextEquals("Version"u8) ? Property.Version : reader.ValueTextEquals("Endpoints"u8) ? Property.Endpoints : Property.Other;
        return reader.Read() && (property != Property.Other || reader.TrySkip());
    }

    private enum Property
    {
        None,
        Version,
        Endpoints,
        Other,
    }
}
