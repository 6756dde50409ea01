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
    public static ISet<string> ImmutableRoutes(string? path, IRefreshLog log) => ImmutableRoutes(Read(path), log);

    /// <summary>The routes <paramref name="content"/> holds, logging what it gave: how many, or why the file is not used.</summary>
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
    /// <param name="content">The whole document (UTF-8, a BOM is allowed).</param>
    /// <param name="minimumPartLength">The fewest bytes of endpoints worth a core of their own (see <see cref="EndpointsArray"/>).</param>
    /// <exception cref="InvalidDataException">The document is not JSON, has another shape, or another version.</exception>
    public static ISet<string> Parse(byte[] content, int minimumPartLength = EndpointsArray.DefaultMinimumPartLength)
    {
        var json = content.AsMemory(HasByteOrderMark(content) ? 3 : 0);
        try
        {
            return ImmutableRoutesOf(json, minimumPartLength);
        }
        catch (JsonException) when (minimumPartLength < int.MaxValue)
        {
            // Read again in one piece, so that the error names its true line and position.
            return Parse(content, int.MaxValue);
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

    private static ISet<string> ImmutableRoutesOf(ReadOnlyMemory<byte> json, int minimumPartLength)
    {
        var reader = new Utf8JsonReader(json.Span, EndpointsArray.ReaderOptions);
        EndpointsArray.Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "the document is not a JSON object");
        int? version = null;
        Dictionary<string, bool>? immutableByRoute = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Version"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null)
                {
                    EndpointsArray.Expect(reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out _), "'Version' is not a whole number");
                    version = reader.GetInt32();
                }
            }
            else if (reader.ValueTextEquals("Endpoints"u8))
            {
                reader.Read();
                immutableByRoute = reader.TokenType == JsonTokenType.Null ? null : EndpointsArray.Read(ref json, ref reader, minimumPartLength);
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
        var immutableRoutes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            if (route.Value)
            {
                immutableRoutes.Add(route.Key);
            }
        }

        return immutableRoutes;
    }

    private static bool HasByteOrderMark(byte[] content) =>
        content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF;
}
