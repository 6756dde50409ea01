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
    /// <param name="content">The whole document (UTF-8, a BOM is allowed): read in one piece, which is faster than a stream.</param>
    /// <exception cref="InvalidDataException">The document is not JSON, has another shape, or another version.</exception>
    public static ISet<string> Parse(byte[] content)
    {
        EndpointsJson document;
        try
        {
            document = JsonSerializer.Deserialize(Utf8WithoutBom(content), StaticAssetsJsonContext.Default.EndpointsJson)
                ?? throw new InvalidDataException("the document is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("it is not JSON of the expected shape: " + e.Message, e);
        }

        if (document.Version != SupportedVersion)
        {
            throw new InvalidDataException(document.Version is { } version ? $"'Version' is {version}, not {SupportedVersion}" : "'Version' is missing");
        }

        var endpoints = document.Endpoints ?? throw new InvalidDataException("'Endpoints' is missing");

        // A route is immutable only when every endpoint that answers it is: one plain answer means the URL may change.
        var immutableByRoute = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            if (endpoint?.Route is not { Length: > 0 } route)
            {
                throw new InvalidDataException("an endpoint has no 'Route'");
            }

            immutableByRoute[route] = endpoint.Immutable && (!immutableByRoute.TryGetValue(route, out var before) || before);
        }

        return new HashSet<string>(immutableByRoute.Where(pair => pair.Value).Select(pair => pair.Key), StringComparer.Ordinal);
    }

    /// <summary>The serializer reads a BOM from a stream but not from bytes.</summary>
    private static ReadOnlySpan<byte> Utf8WithoutBom(byte[] content) =>
        content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? content.AsSpan(3) : content;
}
