using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>
/// One request as it reached the other side: the fake, which records how it answered too (rejected and faulted ones
/// included), or the in-memory <see cref="Api.ScriptedHttpHandler"/>, which records what a server would receive.
/// </summary>
public sealed class RecordedRequest
{
    /// <summary>1-based arrival order over all requests; what <see cref="FaultRule.OnRequest"/> counts.</summary>
    public long Sequence { get; init; }

    /// <summary>Server clock at arrival.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    public ApiProtocol Protocol { get; init; }

    public string Method { get; init; } = "";

    public string Path { get; init; } = "";

    public string QueryString { get; init; } = "";

    /// <summary>The whole request URI, as the client sent it (set by the in-memory transport).</summary>
    public Uri? Uri { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Case-insensitive; repeated headers joined with <c>, </c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public ReadOnlyMemory<byte> RawBody { get; init; }

    public string BodyText => Encoding.UTF8.GetString(RawBody.ToArray());

    /// <summary>The form fields, decoded the strict way a server does (no '+' to space, since the task never sends '+').</summary>
    public IReadOnlyDictionary<string, string> Form =>
        BodyText.Split('&')
            .Select(pair => pair.Split(new[] { '=' }, 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair[1]), StringComparer.Ordinal);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>v2 only: the decoded parameters (query for GET, form for POST).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public string? Action { get; init; }

    public string? SecretId { get; init; }

    public IReadOnlyList<string> Urls { get; init; } = Array.Empty<string>();

    /// <summary>Directories as sent: v3 <c>Paths</c>, v2 <c>dirs.N</c>.</summary>
    public IReadOnlyList<string> Paths { get; init; } = Array.Empty<string>();

    /// <summary>Area as requested (v3 <c>Area</c>, or implied by the v2 action); null when absent.</summary>
    public string? Area { get; init; }

    public bool SignatureVerified { get; init; }

    /// <summary>The string to sign the fake computed; compare it with the client's when a signature fails.</summary>
    public string? ServerStringToSign { get; init; }

    /// <summary>The fault that hit this request, if any.</summary>
    public FaultKind? Fault { get; init; }

    /// <summary>HTTP status answered; 0 when the connection was dropped or the client went away.</summary>
    public int StatusCode { get; init; }

    /// <summary>v3 <c>Error.Code</c> (null on success); v2 <c>code</c> as text (<c>"0"</c> on success).</summary>
    public string? ApiCode { get; init; }

    /// <summary>v3 <c>Error.Message</c> or v2 <c>message</c>.</summary>
    public string? ApiMessage { get; init; }

    /// <summary>v3 <c>TaskId</c> or v2 <c>data.task_id</c> of an accepted refresh.</summary>
    public string? TaskId { get; init; }

    public string? ResponseBody { get; init; }
}
