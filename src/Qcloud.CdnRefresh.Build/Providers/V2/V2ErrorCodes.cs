using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.V2;

/// <summary>Which API 2.0 <c>code</c> values (and module codes in the message) are retried, and which are final.</summary>
internal static class V2ErrorCodes
{
    // Public codes: 5100 resource operation failed, 6000 internal error, 6200 maintenance, 4500 replay/clock
    // (a retry carries a new Nonce and Timestamp, which is what 4500 asks for).
    private static readonly HashSet<int> RetryableCodes = new() { 5100, 6000, 6200, 4500 };
    private static readonly HashSet<int> AuthenticationCodes = new() { 4100, 4200 };
    private static readonly HashSet<int> RetiredCodes = new() { 4300, 6100 };
    private static readonly HashSet<int> QuotaCodes = new() { 4400 };

    // Module codes: 9163/22063 操作频繁 (too frequent); 22044 daily URL limit, 22043 per-request URL limit;
    // 22046 daily directory limit, 22045 per-request directory limit.
    private static readonly HashSet<string> RetryableModuleCodes = new(StringComparer.Ordinal) { "9163", "22063" };
    private static readonly HashSet<string> QuotaModuleCodes = new(StringComparer.Ordinal) { "22044", "22043", "22046", "22045" };

    /// <summary>The kind of an API 2.0 <c>code</c>, refined by the module code found in its <c>message</c>.</summary>
    public static ApiFailureKind KindOf(int code, string? moduleCode)
    {
        // The module code is the more specific: 4000 with (22044) is a quota, 4000 with (9163) a busy server.
        if (moduleCode is not null && RetryableModuleCodes.Contains(moduleCode))
        {
            return ApiFailureKind.Retryable;
        }

        if ((moduleCode is not null && QuotaModuleCodes.Contains(moduleCode)) || QuotaCodes.Contains(code))
        {
            return ApiFailureKind.Quota;
        }

        if (RetryableCodes.Contains(code))
        {
            return ApiFailureKind.Retryable;
        }

        if (AuthenticationCodes.Contains(code))
        {
            return ApiFailureKind.Authentication;
        }

        return RetiredCodes.Contains(code) ? ApiFailureKind.Retired : ApiFailureKind.Final;
    }

    /// <remarks><c>codeDesc</c>: v2 <c>codeDesc</c>: an English word such as <c>RequestForbidden</c>, or a module code.</remarks>
    public static ApiFailure ToFailure(int code, string? moduleCode, string message, string? codeDesc, int httpStatus)
    {
        var kind = KindOf(code, moduleCode);
        var codeText = code.ToString(CultureInfo.InvariantCulture);
        var text = ApiErrorClassifier.MessageOrFallback(message, codeDesc ?? codeText);

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
}
