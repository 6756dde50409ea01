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
            using var content = File.OpenRead(path);
            var routes = Parse(content);
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
    /// <exception cref="InvalidDataException">The document is not JSON, has another shape, or another version.</exception>
    public static ISet<string> Parse(Stream content)
    {
        EndpointsJson document;
        try
        {
            document = JsonSerializer.Deserialize(content, StaticAssetsJsonContext.Default.EndpointsJson)
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

            var immutable = IsImmutable(endpoint.ResponseHeaders);
            immutableByRoute[route] = immutable && (!immutableByRoute.TryGetValue(route, out var before) || before);
        }

        return new HashSet<string>(immutableByRoute.Where(pair => pair.Value).Select(pair => pair.Key), StringComparer.Ordinal);
    }

    /// <summary>A <c>Cache-Control</c> header whose comma-separated directives include <c>immutable</c>, in any case.</summary>
    private static bool IsImmutable(IEnumerable<EndpointHeaderJson?>? headers) =>
        headers is not null
        && headers.Any(header =>
            string.Equals(header?.Name, "Cache-Control", StringComparison.OrdinalIgnoreCase)
            && (header!.Value ?? string.Empty).Split(',').Any(directive => string.Equals(directive.Trim(), "immutable", StringComparison.OrdinalIgnoreCase)));
}
