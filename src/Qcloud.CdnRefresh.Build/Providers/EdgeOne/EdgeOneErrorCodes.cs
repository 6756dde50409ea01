using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.EdgeOne;

/// <summary>
/// Which EdgeOne <c>Error.Code</c> values are retried, and which are final and why: the same rules as CDN's API 3.0.
/// Busy signals (<c>InternalError*</c>, <c>RequestLimitExceeded*</c>) pass with time; <c>LimitExceeded.*</c>
/// (<c>BatchQuota</c>, <c>DailyQuota</c>) is one request's or today's quota; parameter and zone errors
/// (<c>InvalidParameter.*</c>, <c>ResourceNotFound.ZoneNotFound</c>) stay wrong however often they are sent.
/// </summary>
internal static class EdgeOneErrorCodes
{
    public static ApiFailureKind KindOf(string code) => code switch
    {
        _ when code.StartsWith("InternalError", StringComparison.Ordinal)
            || code.StartsWith("RequestLimitExceeded", StringComparison.Ordinal)
            => ApiFailureKind.Retryable,
        _ when ApiErrorClassifier.IsFamily(code, "LimitExceeded") => ApiFailureKind.Quota,
        _ when ApiErrorClassifier.IsFamily(code, "AuthFailure") => ApiFailureKind.Authentication,
        _ => ApiFailureKind.Final,
    };
}
