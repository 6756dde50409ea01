using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// A classified failure of one request, safe to log: it never holds a secret or a signature, and of the headers only the
/// wait a server asked for. Built here for what every API shares: the transport (network errors, timeouts, HTTP status)
/// and answers that are not the API's JSON; each provider classifies its own error codes.
/// </summary>
internal sealed record ApiFailure
{
    private static readonly Regex Blanks = new(@"[\s\p{Cc}]+", RegexOptions.CultureInvariant);

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

    /// <summary>An error the API answered with its own code, retried exactly when <paramref name="kind"/> is retryable.</summary>
    public static ApiFailure FromApiCode(ApiFailureKind kind, string apiCode, string message, int httpStatus, string? requestId = null) => new()
    {
        Kind = kind,
        IsRetryable = kind == ApiFailureKind.Retryable,
        ApiCode = apiCode,
        Message = message,
        HttpStatus = httpStatus,
        RequestId = requestId,
    };

    /// <summary>
    /// A body that is not the JSON we expect (a proxy's HTML page, a truncated or empty body), whatever the HTTP status:
    /// retryable like a timeout, because the request may or may not have reached Tencent and a purge is harmless to repeat.
    /// </summary>
    public static ApiFailure UnexpectedResponse(int httpStatus, byte[] body, string? reason = null)
    {
        // Invalid UTF-8 becomes U+FFFD instead of an exception: this text is only ever shown.
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(body);
        var what = text.Trim().Length == 0 ? "an empty body" : "a body that is not the expected JSON: \"" + OneLine(text, 100) + "\"";
        var why = reason is null ? string.Empty : " (" + reason + ")";
        return new ApiFailure
        {
            Kind = ApiFailureKind.UnexpectedResponse,
            IsRetryable = true,
            Message = "HTTP " + httpStatus.ToString(CultureInfo.InvariantCulture) + " answered with " + what + why,
            HttpStatus = httpStatus,
        };
    }

    /// <summary>A request that never got a response: a refused connection, a reset, a DNS or TLS failure.</summary>
    public static ApiFailure NetworkError(Exception exception)
    {
        // HttpRequestException says little ("An error occurred while sending the request"); the inner ones say why.
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            messages.Add(OneLine(current.Message, 200));
        }

        messages = messages.Where(message => message.Length > 0).Distinct().ToList();
        return new ApiFailure
        {
            Kind = ApiFailureKind.Retryable,
            IsRetryable = true,
            Message = "network error: " + (messages.Count == 0 ? exception.GetType().Name : string.Join(" → ", messages)),
        };
    }

    /// <summary>Something this client did not expect (a response it cannot read, a bug): final, so nothing is sent twice.</summary>
    public static ApiFailure Unexpected(Exception exception) => new()
    {
        Kind = ApiFailureKind.UnexpectedResponse,
        IsRetryable = false,
        Message = "unexpected " + exception.GetType().Name + ": " + OneLine(exception.Message, 200),
    };

    public static ApiFailure Timeout(TimeSpan requestTimeout) => new()
    {
        Kind = ApiFailureKind.Retryable,
        IsRetryable = true,
        Message = "no complete response within " + requestTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s (CdnRefreshTimeout)",
    };

    /// <summary>The API's message on one line; <paramref name="fallback"/> when it says nothing.</summary>
    public static string MessageOrFallback(string message, string fallback)
    {
        var line = OneLine(message, 500);
        return line.Length > 0 ? line : fallback;
    }

    /// <summary>Text from the wire as one short line, so an HTML page or a stack trace cannot flood a build log.</summary>
    private static string OneLine(string text, int maxLength)
    {
        var line = Blanks.Replace(text, " ").Trim();
        return line.Length > maxLength ? line.Substring(0, maxLength) + "…" : line;
    }
}
