using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// The one place that decides which failures are retried and how final ones are reported
/// (reference/tencent-cdn-api.md §1.6, §3.3 and §6.9).
/// </summary>
internal static class ApiErrorClassifier
{
    /// <summary>How much of an unexpected body a message quotes.</summary>
    public const int BodySnippetLength = 100;

    // v2 public codes: 5100 resource operation failed, 6000 internal error, 6200 maintenance, 4500 replay/clock
    // (a retry carries a new Nonce and Timestamp, which is what 4500 asks for).
    private static readonly HashSet<int> RetryableV2Codes = new() { 5100, 6000, 6200, 4500 };
    private static readonly HashSet<int> AuthenticationV2Codes = new() { 4100, 4200 };
    private static readonly HashSet<int> RetiredV2Codes = new() { 4300, 6100 };
    private static readonly HashSet<int> QuotaV2Codes = new() { 4400 };

    // v2 module codes: 9163/22063 操作频繁 (too frequent); 22044 daily URL limit, 22043 per-request URL limit;
    // 22046 daily directory limit, 22045 per-request directory limit.
    private static readonly HashSet<string> RetryableV2ModuleCodes = new(StringComparer.Ordinal) { "9163", "22063" };
    private static readonly HashSet<string> QuotaV2ModuleCodes = new(StringComparer.Ordinal) { "22044", "22043", "22046", "22045" };

    public static bool IsRetryableStatus(int httpStatus) => httpStatus >= 500 || httpStatus == 429;

    /// <summary>The kind of an API 3.0 <c>Error.Code</c>.</summary>
    public static ApiFailureKind KindOfV3Code(string code)
    {
        if (code.StartsWith("InternalError", StringComparison.Ordinal)
            || code.StartsWith("RequestLimitExceeded", StringComparison.Ordinal)
            || code == "UnauthorizedOperation.OperationTooOften")
        {
            return ApiFailureKind.Retryable;
        }

        if (IsFamily(code, "LimitExceeded"))
        {
            return ApiFailureKind.Quota;
        }

        if (IsFamily(code, "AuthFailure"))
        {
            return ApiFailureKind.Authentication;
        }

        return IsFamily(code, "ActionOffline") ? ApiFailureKind.Retired : ApiFailureKind.Final;
    }

    /// <summary>The kind of an API 2.0 <c>code</c>, refined by the module code found in its <c>message</c>.</summary>
    public static ApiFailureKind KindOfV2Code(int code, string? moduleCode)
    {
        // The module code is the more specific: 4000 with (22044) is a quota, 4000 with (9163) a busy server.
        if (moduleCode is not null && RetryableV2ModuleCodes.Contains(moduleCode))
        {
            return ApiFailureKind.Retryable;
        }

        if ((moduleCode is not null && QuotaV2ModuleCodes.Contains(moduleCode)) || QuotaV2Codes.Contains(code))
        {
            return ApiFailureKind.Quota;
        }

        if (RetryableV2Codes.Contains(code))
        {
            return ApiFailureKind.Retryable;
        }

        if (AuthenticationV2Codes.Contains(code))
        {
            return ApiFailureKind.Authentication;
        }

        return RetiredV2Codes.Contains(code) ? ApiFailureKind.Retired : ApiFailureKind.Final;
    }

    public static ApiFailure FromV3Error(string code, string message, int httpStatus, string? requestId)
    {
        var kind = KindOfV3Code(code);
        return new ApiFailure
        {
            Kind = kind,
            IsRetryable = kind == ApiFailureKind.Retryable,
            ApiCode = code,
            Message = MessageOrFallback(message, code),
            HttpStatus = httpStatus,
            RequestId = requestId,
        };
    }

    /// <remarks><c>codeDesc</c>: v2 <c>codeDesc</c>: an English word such as <c>RequestForbidden</c>, or a module code.</remarks>
    public static ApiFailure FromV2Error(int code, string? moduleCode, string message, string? codeDesc, int httpStatus)
    {
        var kind = KindOfV2Code(code, moduleCode);
        var codeText = code.ToString(CultureInfo.InvariantCulture);
        var text = MessageOrFallback(message, codeDesc ?? codeText);

        // A word like "RequestForbidden" is searchable; repeat it unless the message already says it.
        if (!string.IsNullOrEmpty(codeDesc) && !codeDesc!.All(char.IsDigit) && text.IndexOf(codeDesc, StringComparison.Ordinal) < 0)
        {
            text += " [" + codeDesc + "]";
        }

        return new ApiFailure
        {
            Kind = kind,
            IsRetryable = kind == ApiFailureKind.Retryable,
            ApiCode = moduleCode is null ? codeText : codeText + " (" + moduleCode + ")",
            Message = text,
            HttpStatus = httpStatus,
        };
    }

    /// <summary>A body that is not the JSON we expect: retryable only when the HTTP status says the server is struggling.</summary>
    public static ApiFailure UnexpectedResponse(int httpStatus, byte[] body, string? reason = null)
    {
        var text = DecodeLeniently(body);
        var what = text.Trim().Length == 0
            ? "an empty body"
            : "a body that is not the expected JSON: \"" + OneLineText.From(text, BodySnippetLength) + "\"";
        var why = reason is null ? string.Empty : " (" + reason + ")";
        return new ApiFailure
        {
            Kind = ApiFailureKind.UnexpectedResponse,
            IsRetryable = IsRetryableStatus(httpStatus),
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
            var message = OneLineText.From(current.Message, 200);
            if (message.Length > 0 && !messages.Contains(message))
            {
                messages.Add(message);
            }
        }

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
        Message = "unexpected " + exception.GetType().Name + ": " + OneLineText.From(exception.Message, 200),
    };

    public static ApiFailure Timeout(TimeSpan requestTimeout) => new()
    {
        Kind = ApiFailureKind.Retryable,
        IsRetryable = true,
        Message = "no complete response within " + requestTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s (CdnRefreshTimeout)",
    };

    private static bool IsFamily(string code, string family) =>
        code == family || code.StartsWith(family + ".", StringComparison.Ordinal);

    private static string MessageOrFallback(string message, string fallback)
    {
        var line = OneLineText.From(message, 500);
        return line.Length > 0 ? line : fallback;
    }

    private static string DecodeLeniently(byte[] body)
    {
        // Invalid UTF-8 becomes U+FFFD instead of an exception: this text is only ever shown.
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(body);
    }
}
