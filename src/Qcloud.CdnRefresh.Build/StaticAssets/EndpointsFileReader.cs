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
            return new EndpointsFileContent(path, Parse(File.ReadAllBytes(path)), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new EndpointsFileContent(path, null, e.Message);
        }
    }

    /// <summary>The immutable routes of an endpoints document, compared ordinally (URL paths are case-sensitive).</summary>
    /// <param name="content">The document (UTF-8, a BOM is allowed).</param>
    /// <exception cref="InvalidDataException">The document is not JSON, has another shape, or another version.</exception>
    public static ISet<string> Parse(byte[] content)
    {
        var hasByteOrderMark = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF;
        try
        {
            return ImmutableRoutesOf(content.AsSpan(hasByteOrderMark ? 3 : 0));
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

    private static ISet<string> ImmutableRoutesOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        EndpointReader.Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "the document is not a JSON object");
        int? version = null;
        ISet<string>? immutableRoutes = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Version"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null)
                {
                    EndpointReader.Expect(reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out _), "'Version' is not a whole number");
                    version = reader.GetInt32();
                }
            }
            else if (reader.ValueTextEquals("Endpoints"u8))
            {
                reader.Read();
                immutableRoutes = reader.TokenType == JsonTokenType.Null ? null : EndpointReader.ImmutableRoutes(ref reader);
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

        return immutableRoutes ?? throw new InvalidDataException("'Endpoints' is missing");
    }
}
