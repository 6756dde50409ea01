using System.Reflection;

namespace Qcloud.CdnRefresh.Build.Diagnostics;

/// <summary>
/// Every code the package writes. A code never changes meaning and is never reused; docs/diagnostics.md has a section
/// per code, which is where each diagnostic's help link points.
/// </summary>
internal static class DiagnosticCodes
{
    /// <summary>The package project's <c>PackageProjectUrl</c>, which the build stamps on the assembly.</summary>
    private static readonly string ProjectUrl = typeof(DiagnosticCodes).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(attribute => attribute.Key == "PackageProjectUrl")?.Value
        ?? throw new InvalidOperationException("The task assembly carries no PackageProjectUrl metadata.");

    // 1xxx: configuration.
    public const string BaseUrlInvalid = "QCDN1001";
    public const string BatchSizeOutOfRange = "QCDN1002";
    public const string UnknownApi = "QCDN1003";
    public const string UnknownArea = "QCDN1004";
    public const string UnknownSignatureMethod = "QCDN1005";
    public const string EndpointInvalid = "QCDN1006";
    public const string SecretInProperty = "QCDN1007";
    public const string CredentialsMissing = "QCDN1008";
    public const string InvalidOption = "QCDN1009";
    public const string PublishDirMissing = "QCDN1010";
    public const string ContentRootMissing = "QCDN1011";
    public const string ZoneIdInvalid = "QCDN1012";
    public const string AreaNotApplicable = "QCDN1013";

    // 2xxx: files, hashing, URL mapping and the manifest.
    public const string FileUnreadable = "QCDN2001";
    public const string SymlinkEscapesContentRoot = "QCDN2002";
    public const string FileNameNotUrl = "QCDN2003";
    public const string ContentRootEmpty = "QCDN2004";
    public const string ManifestCorrupt = "QCDN2101";
    public const string ManifestNewerVersion = "QCDN2102";
    public const string ManifestOtherBaseUrl = "QCDN2103";
    public const string ManifestWriteFailed = "QCDN2104";
    public const string BaselineFetchFailed = "QCDN2105";
    public const string ManifestLocked = "QCDN2106";
    public const string ReportWriteFailed = "QCDN2107";
    public const string EndpointsFileInvalid = "QCDN2108";

    // 3xxx: the CDN API.
    public const string ApiError = "QCDN3001";
    public const string ApiAuthFailed = "QCDN3002";
    public const string ApiQuotaExceeded = "QCDN3003";
    public const string ApiUnreachable = "QCDN3004";
    public const string ApiUnexpectedResponse = "QCDN3005";
    public const string ApiRetired = "QCDN3006";
    public const string DailyQuotaInsufficient = "QCDN3007";
    public const string RefreshFailed = "QCDN3008";
    public const string TargetsRejected = "QCDN3009";
    public const string ApiRetrying = "QCDN3101";
    public const string WaitTimedOut = "QCDN3102";
    public const string StatusUnavailable = "QCDN3103";

    /// <summary>The code's section in docs/diagnostics.md, for MSBuild's help link.</summary>
    public static string HelpLink(string code) => ProjectUrl + "/blob/main/docs/diagnostics.md#" + code.ToLowerInvariant();
}
