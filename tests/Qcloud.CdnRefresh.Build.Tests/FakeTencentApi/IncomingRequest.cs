using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>
/// A request read once, in full, before anything is decided: the signature needs the exact body bytes,
/// and the record and the fault filter need the action and URLs even when the request is rejected.
/// </summary>
internal sealed class IncomingRequest
{
    public required ApiProtocol Protocol { get; init; }

    public required string Method { get; init; }

    public required string Path { get; init; }

    public required string QueryString { get; init; }

    public required string Host { get; init; }

    public string? ContentType { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required byte[] Body { get; init; }

    /// <summary>v2 parameters, decoded; the last one wins when a name repeats.</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    public string? Action { get; init; }

    public string? SecretId { get; init; }

    public IReadOnlyList<string> Urls { get; init; } = Array.Empty<string>();

    /// <summary>Directories: v3 <c>Paths</c>, v2 <c>dirs.N</c>.</summary>
    public IReadOnlyList<string> Paths { get; init; } = Array.Empty<string>();

    public string? Area { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    public static async Task<IncomingRequest> ReadAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        byte[] body = buffer.ToArray();

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(", ", header.Value.ToArray());
        }

        ApiProtocol protocol = request.Path.Value switch
        {
            "/" => ApiProtocol.V3,
            "/v2/index.php" => ApiProtocol.V2,
            "/teo/" => ApiProtocol.EdgeOne,
            _ => ApiProtocol.Unknown,
        };

        var parameters = protocol == ApiProtocol.V2
            ? await ReadV2ParametersAsync(context, body)
            : new Dictionary<string, string>();

        var incoming = new IncomingRequest
        {
            Protocol = protocol,
            Method = request.Method,
            Path = request.Path.Value ?? "",
            QueryString = request.QueryString.Value ?? "",
            Host = request.Headers.Host.ToString(),
            ContentType = request.ContentType,
            Headers = headers,
            Body = body,
            Parameters = parameters,
        };

        return protocol switch
        {
            ApiProtocol.V2 => incoming.WithV2Summary(),
            ApiProtocol.V3 or ApiProtocol.EdgeOne => incoming.WithV3Summary(),
            _ => incoming,
        };
    }

    private static async Task<Dictionary<string, string>> ReadV2ParametersAsync(HttpContext context, byte[] body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        HttpRequest request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            // The body was consumed to keep its exact bytes; the form reader gets a copy.
            request.Body = new MemoryStream(body, writable: false);
            // A 1000-URL batch plus common parameters is past the default 1024 fields; the batch limit is ours to answer.
            context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { ValueCountLimit = int.MaxValue }));
            IFormCollection form = await request.ReadFormAsync(context.RequestAborted);
            foreach (var field in form)
            {
                result[field.Key] = field.Value.LastOrDefault() ?? "";
            }
        }
        else if (HttpMethods.IsGet(request.Method))
        {
            foreach (var field in request.Query)
            {
                result[field.Key] = field.Value.LastOrDefault() ?? "";
            }
        }

        return result;
    }

    private IncomingRequest WithV2Summary()
    {
        Parameters.TryGetValue("Action", out string? action);
        Parameters.TryGetValue("SecretId", out string? secretId);
        string? area = action switch
        {
            "RefreshCdnOverSeaUrl" or "RefreshCdnOverSeaDir" or "GetCdnOverseaRefreshLog" => "overseas",
            "RefreshCdnUrl" or "RefreshCdnDir" or "GetCdnRefreshLog" => "mainland",
            _ => null,
        };
        return Copy(action, secretId, V2List(Parameters, "urls"), V2List(Parameters, "dirs"), area);
    }

    private IncomingRequest WithV3Summary()
    {
        string? secretId = Tc3Authorization.Parse(Header("Authorization"))?.SecretId;
        var urls = new List<string>();
        var paths = new List<string>();
        string? area = null;
        try
        {
            using var document = JsonDocument.Parse(Body);
            JsonElement root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                urls.AddRange(Strings(root, "Urls"));
                paths.AddRange(Strings(root, "Paths"));

                // EdgeOne's CreatePurgeTask: Targets are URLs for purge_url, directories for purge_prefix.
                bool prefix = root.TryGetProperty("Type", out JsonElement type) && type.ValueKind == JsonValueKind.String && type.GetString() == "purge_prefix";
                (prefix ? paths : urls).AddRange(Strings(root, "Targets"));

                if (root.TryGetProperty("Area", out JsonElement areaElement) && areaElement.ValueKind == JsonValueKind.String)
                {
                    area = areaElement.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Recorded as sent; the handler answers the parse error.
        }

        return Copy(Header("X-TC-Action"), secretId, urls, paths, area);
    }

    private static IEnumerable<string> Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(u => u.ValueKind == JsonValueKind.String ? u.GetString()! : u.GetRawText()).ToList()
            : Enumerable.Empty<string>();

    private IncomingRequest Copy(
        string? action, string? secretId, IReadOnlyList<string> urls, IReadOnlyList<string> paths, string? area) => new()
    {
        Protocol = Protocol,
        Method = Method,
        Path = Path,
        QueryString = QueryString,
        Host = Host,
        ContentType = ContentType,
        Headers = Headers,
        Body = Body,
        Parameters = Parameters,
        Action = action,
        SecretId = secretId,
        Urls = urls,
        Paths = paths,
        Area = area,
    };

    /// <summary><c>{name}.N</c> (or <c>{name}_N</c>) in index order, so <c>urls.10</c> follows <c>urls.9</c>.</summary>
    internal static IReadOnlyList<string> V2List(IReadOnlyDictionary<string, string> parameters, string name) =>
        parameters
            .Select(p => (Index: ListIndex(p.Key, name), p.Value))
            .Where(p => p.Index >= 0)
            .OrderBy(p => p.Index)
            .Select(p => p.Value)
            .ToList();

    private static long ListIndex(string parameter, string name)
    {
        int prefix = name.Length;
        if (parameter.Length > prefix + 1 && parameter.StartsWith(name, StringComparison.Ordinal)
            && (parameter[prefix] == '.' || parameter[prefix] == '_')
            && long.TryParse(parameter.AsSpan(prefix + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long index))
        {
            return index;
        }

        return -1;
    }
}
