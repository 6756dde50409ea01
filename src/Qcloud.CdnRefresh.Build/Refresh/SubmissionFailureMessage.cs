using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Diagnostics;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>
/// Turns what went wrong in a submission into a QCDN code and a message that says what happened and what to do: a batch
/// that failed for good, or entries of accepted requests the API did not take (EdgeOne's <c>FailedList</c>), which are
/// owed so the next run sends exactly those. Counts are in URLs even when directories were sent.
/// </summary>
internal static class SubmissionFailureMessage
{
    private const int Shown = 10;

    /// <summary>The code and message of the run's failure; null when every batch was accepted whole.</summary>
    public static (string Code, string Message)? Describe(SubmissionResult sent, Uri endpoint)
    {
        var rejected = sent.Rejected;
        if (sent.Failure is { } failure && sent.FailedBatch is { } batch)
        {
            var entries = sent.Target == RefreshTarget.Directories ? $"{batch.Urls.Count} directories" : $"{batch.Urls.Count} URLs";
            var message = $"Batch {batch.Label} ({entries}) failed: {failure.Brief}"
                + (failure.RequestId is null ? "." : $" (RequestId {failure.RequestId}).")
                + $" {Owed(sent, "already ")} {Advice(failure, endpoint)}"
                + (rejected.Count == 0 ? string.Empty : $" Before it, the API also did not accept {Count(rejected, sent.Target)}: {List(rejected)}.");
            return (CodeOf(failure), message);
        }

        return rejected.Count == 0
            ? null
            : (DiagnosticCodes.TargetsRejected, $"The API did not accept {Count(rejected, sent.Target)} of the requests it took: {List(rejected)}. "
                + $"{Owed(sent, string.Empty)} Fix the cause named by the API, then publish again.");
    }

    private static string Owed(SubmissionResult sent, string already) =>
        $"{sent.AcceptedUrls.Count} URLs were {already}accepted; the {sent.NotAcceptedUrls.Count} not accepted are kept in the manifest and sent by the next run.";

    private static string Count(IReadOnlyList<RejectedEntry> rejected, RefreshTarget target) =>
        target == RefreshTarget.Directories
            ? (rejected.Count == 1 ? "1 directory" : $"{rejected.Count} directories")
            : (rejected.Count == 1 ? "1 URL" : $"{rejected.Count} URLs");

    private static string List(IReadOnlyList<RejectedEntry> rejected) => Sample(rejected.Select(r => $"{r.Entry} ({r.Reason})"), rejected.Count);

    /// <summary>
    /// The first <see cref="Shown"/> of <paramref name="count"/> entries, and how many more there are: a message names a
    /// few, the manifest keeps them all.
    /// </summary>
    internal static string Sample(IEnumerable<string> entries, int count) =>
        string.Join(", ", entries.Take(Shown)) + (count > Shown ? $" and {count - Shown} more" : string.Empty);

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
