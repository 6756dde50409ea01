using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

/// <summary>A request as the transport saw it: what a server would receive.</summary>
public sealed class RecordedRequest
{
    public RecordedRequest(string method, Uri uri, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        Method = method;
        Uri = uri;
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    public Uri Uri { get; }

    /// <summary>Request and content headers by case-insensitive name; repeated values joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The form fields, decoded the strict way a server does (no '+' to space, since we never send '+').</summary>
    public IReadOnlyDictionary<string, string> Form =>
        BodyText.Split('&')
            .Select(pair => pair.Split(new[] { '=' }, 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair[1]), StringComparer.Ordinal);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
