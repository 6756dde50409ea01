namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>A classified failure of one request, safe to log: it never holds a secret or a signature, and of the headers only the wait a server asked for.</summary>
internal sealed record ApiFailure
{
    public required ApiFailureKind Kind { get; init; }

    /// <summary>Whether the request may be retried (see <see cref="ApiFailureKind.Retryable"/>).</summary>
    public bool IsRetryable { get; init; }

    /// <summary>The API's own code: v2 <c>code</c> with its module code (<c>4000 (9110)</c>), or v3 <c>Error.Code</c>.</summary>
    public string? ApiCode { get; init; }

    /// <summary>A one-line human description: the API's message, or what went wrong on the wire.</summary>
    public required string Message { get; init; }

    /// <summary>The HTTP status, when a response arrived.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>v3 <c>RequestId</c>, when the response carried one.</summary>
    public string? RequestId { get; init; }

    /// <summary>How long the server asked to wait before the next attempt (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The API's code and message, or what went wrong on the wire: <c>code 4000 (9110): no such host</c>.</summary>
    public string Brief => ApiCode is null ? Message : $"code {ApiCode}: {Message}";
}
