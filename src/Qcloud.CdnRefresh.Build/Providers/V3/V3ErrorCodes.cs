using System;
using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>Which API 3.0 <c>Error.Code</c> values are retried, and which are final and why.</summary>
internal static class V3ErrorCodes
{
    public static ApiFailureKind KindOf(string code) => code switch
    {
        _ when code.StartsWith("InternalError", StringComparison.Ordinal)
            || code.StartsWith("RequestLimitExceeded", StringComparison.Ordinal)
            || code == "UnauthorizedOperation.OperationTooOften" => ApiFailureKind.Retryable,
        _ when ApiErrorClassifier.IsFamily(code, "LimitExceeded") => ApiFailureKind.Quota,
        _ when ApiErrorClassifier.IsFamily(code, "AuthFailure") => ApiFailureKind.Authentication,
        _ when ApiErrorClassifier.IsFamily(code, "ActionOffline") => ApiFailureKind.Retired,
        _ => ApiFailureKind.Final,
    };

    /// <summary>A failure from the <c>Response.Error</c> object of an API 3.0 answer.</summary>
    public static ApiFailure ToFailure(string code, string message, int httpStatus, string? requestId)
    {
        var kind = KindOf(code);
        return new ApiFailure
        {
            Kind = kind,
            IsRetryable = kind == ApiFailureKind.Retryable,
            ApiCode = code,
            Message = ApiErrorClassifier.MessageOrFallback(message, code),
            HttpStatus = httpStatus,
            RequestId = requestId,
        };
    }
}
