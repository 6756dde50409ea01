namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>
/// Result of checking a request's credentials, kept apart from answering it so faulted requests can be
/// recorded as verified or not without any side effect.
/// </summary>
internal sealed record SignatureCheck(bool Verified, string? ServerStringToSign, ApiOutcome? Failure)
{
    public static SignatureCheck Fail(ApiOutcome failure, string? stringToSign = null) => new(false, stringToSign, failure);
}
