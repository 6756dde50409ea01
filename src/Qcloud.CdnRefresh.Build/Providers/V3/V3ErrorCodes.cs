using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>Which API 3.0 <c>Error.Code</c> values are retried, and which are final and why.</summary>
internal static class V3ErrorCodes
{
    /// <summary>CDN's rules: <see cref="CommonKindOf"/>, plus busy signals of its own and <c>ActionOffline.*</c> (retired).</summary>
    /// <remarks>
    /// Busy, not spent: <c>LimitExceeded.CdnHostOpTooOften</c> (the domain is operated too often) and
    /// <c>ResourceInUse.CdnOpInProgress</c> (another operation on the domain is running) pass with time, so they are
    /// retried before the <c>LimitExceeded</c> family, whose other members are today's or one request's quota.
    /// </remarks>
    public static ApiFailureKind KindOf(string code) => code switch
    {
        "UnauthorizedOperation.OperationTooOften" or "LimitExceeded.CdnHostOpTooOften" or "ResourceInUse.CdnOpInProgress"
            => ApiFailureKind.Retryable,
        _ when IsFamily(code, "ActionOffline") => ApiFailureKind.Retired,
        _ => CommonKindOf(code),
    };

    /// <summary>
    /// The rules every API 3.0 product shares (EdgeOne's as they are). Busy signals (<c>InternalError*</c>,
    /// <c>RequestLimitExceeded*</c>) pass with time; <c>LimitExceeded.*</c> is one request's or today's quota;
    /// parameter and resource errors (<c>InvalidParameter.*</c>, <c>ResourceNotFound.ZoneNotFound</c>) stay wrong
    /// however often they are sent.
    /// </summary>
    public static ApiFailureKind CommonKindOf(string code) => code switch
    {
        _ when code.StartsWith("InternalError", StringComparison.Ordinal)
            || code.StartsWith("RequestLimitExceeded", StringComparison.Ordinal)
            => ApiFailureKind.Retryable,
        _ when IsFamily(code, "LimitExceeded") => ApiFailureKind.Quota,
        _ when IsFamily(code, "AuthFailure") => ApiFailureKind.Authentication,
        _ => ApiFailureKind.Final,
    };

    /// <summary>Whether <paramref name="code"/> is <paramref name="family"/> or one of its sub-codes (<c>AuthFailure.SignatureFailure</c>).</summary>
    private static bool IsFamily(string code, string family) =>
        code == family || code.StartsWith(family + ".", StringComparison.Ordinal);
}
