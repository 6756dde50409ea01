using System.Buffers.Text;
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
            using var stream = File.OpenRead(path);
            return new EndpointsFileContent(path, Parse(stream), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new EndpointsFileContent(path, null, e.Message);
        }
    }

    /// <summary>The immutable routes of an endpoints document, compared ordinally (URL paths are case-sensitive).</summary>
    /// <param name="content">The document (UTF-8, a BOM is allowed), read once from where it stands.</param>
    /// <exception cref="InvalidDataException">The document is not JSON, has another shape, or another version.</exception>
    public static ISet<string> Parse(Stream content)
    {
        var json = new JsonTokenizer(content);
        json.SkipByteOrderMark();
        json.Expect(json.Read() == JsonToken.StartObject, "the document is not a JSON object");
        int? version = null;
        ISet<string>? immutableRoutes = null;
        for (var first = true; json.NextProperty(ref first);)
        {
            if (json.ValueTextEquals("Version"u8))
            {
                json.Read();
                version = json.Token == JsonToken.Null ? null
                    : json.Token == JsonToken.Number && Utf8Parser.TryParse(json.ValueSpan, out int number, out var used) && used == json.ValueSpan.Length ? number
                    : throw json.Error("'Version' is not a whole number");
            }
            else if (json.ValueTextEquals("Endpoints"u8))
            {
                immutableRoutes = json.Read() == JsonToken.Null ? null : EndpointReader.ImmutableRoutes(json);
            }
            else
            {
                json.Read();
                json.Skip();
            }
        }

        json.ReadEnd();
        if (version != SupportedVersion)
        {
            throw new InvalidDataException(version is { } other ? $"'Version' is {other}, not {SupportedVersion}" : "'Version' is missing");
        }

        return immutableRoutes ?? throw new InvalidDataException("'Endpoints' is missing");
    }
}
