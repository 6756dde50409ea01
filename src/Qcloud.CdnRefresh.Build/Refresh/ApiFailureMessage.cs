using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Diagnostics;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>Turns a batch that failed for good into a QCDN code and a message that says what happened and what to do.</summary>
internal static class ApiFailureMessage
{
    /// <summary>The failure of a batch of <paramref name="sent"/>; counts are in URLs even when directories were sent.</summary>
    public static (string Code, string Message) Describe(ApiFailure failure, BatchResult batch, SendResult sent, Uri endpoint)
    {
        var entries = sent.Target == RefreshTarget.Directories ? $"{batch.Urls.Count} directories" : $"{batch.Urls.Count} URLs";
        var message = $"Batch {batch.Label} ({entries}) failed: {failure.Brief}"
            + (failure.RequestId is null ? "." : $" (RequestId {failure.RequestId}).")
            + $" {sent.Accepted.Count} URLs were already accepted; the {sent.NotAccepted.Count} not accepted are kept in the manifest and sent by the next run. "
            + Advice(failure, endpoint);
        return (CodeOf(failure), message);
    }

    private static string CodeOf(ApiFailure failure) => failure.Kind switch
    {
        ApiFailureKind.Authentication => DiagnosticCodes.ApiAuthFailed,
        ApiFailureKind.Quota => DiagnosticCodes.ApiQuotaExceeded,
        ApiFailureKind.Retired => DiagnosticCodes.ApiRetired,
        ApiFailureKind.UnexpectedResponse => DiagnosticCodes.ApiUnexpectedResponse,
        ApiFailureKind.Retryable when failure.ApiCode is null && failure.HttpStatus is null => DiagnosticCodes.ApiUnreachable,
        _ => DiagnosticCodes.ApiError,
    };

    private static string Advice(ApiFailure failure, Uri endpoint)
    {
        var code = failure.ApiCode ?? string.Empty;
        return failure.Kind switch
        {
            ApiFailureKind.Authentication =>
                "Check that TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY belong together, that a temporary key has TENCENTCLOUD_TOKEN, and that this machine's clock is right.",
            ApiFailureKind.Quota =>
                "Today's refresh quota is used up; retrying now cannot help. The next run sends the owed URLs.",
            ApiFailureKind.Retired =>
                "Tencent retired API 2.0 for this account: use -p:CdnRefreshApi=v3 (the default).",
            ApiFailureKind.UnexpectedResponse when failure.HttpStatus is not null =>
                $"The answer was not Tencent's JSON, and the request was already retried up to CdnRefreshMaxRetries times: check CdnRefreshEndpoint ({endpoint}) and any proxy between this machine and it.",
            ApiFailureKind.UnexpectedResponse =>
                $"The answer was not Tencent's JSON: check CdnRefreshEndpoint ({endpoint}) and any proxy between this machine and it.",
            _ when code.Contains("ZoneNotFound") =>
                "CdnRefreshZoneId is not an EdgeOne site of this account: check the site id in the EdgeOne console and whose key this is.",
            _ when code.Contains("9110") || code.Contains("CdnHostNotExists") =>
                "The domain of CdnRefreshBaseUrl is not on this account, or not accelerated in CdnRefreshArea.",
            _ when failure.ApiCode is null && failure.HttpStatus is null =>
                $"Check the network and CdnRefreshEndpoint ({endpoint}); the request was already retried up to CdnRefreshMaxRetries times.",
            _ => "Fix the cause named by the API, then publish again.",
        };
    }
}
