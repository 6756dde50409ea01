using Qcloud.CdnRefresh.Build.Manifest;
using Qcloud.CdnRefresh.Build.Mapping;
using Qcloud.CdnRefresh.Build.Providers;
using Qcloud.CdnRefresh.Build.Quota;

namespace Qcloud.CdnRefresh.Build.Configuration;

/// <summary>
/// The validated knobs of one run. Only <see cref="RefreshSettingsParser"/> builds it, and it sets every member:
/// the defaults live there, not here.
/// </summary>
internal sealed record RefreshSettings(
    string PublishDir,
    // Null: wwwroot when the publish folder has one, else the publish folder.
    string? ContentRoot,
    // The CdnRefreshBaseUrl entries, at least one, no two the same site, in the user's order (for display; what is
    // recorded or compared uses the ordinal order of BaseUrl.Value).
    IReadOnlyList<BaseUrl> BaseUrls,
    // The provider CdnRefreshApi names.
    ProviderRegistration Api,
    // overseas or mainland.
    string Area,
    // The EdgeOne site id (zone-…) of a zone-scoped API; null for the others.
    string? ZoneId,
    // CdnRefreshArea was set, but the API purges a zone, which decides the area itself.
    bool AreaIgnored,
    Uri Endpoint,
    // API 2.0 only: HmacSHA1 or HmacSHA256.
    string SignatureMethod,
    int BatchSize,
    int DailyQuota,
    bool DryRun,
    // Null: no local manifest is read or written.
    string? ManifestPath,
    Uri? BaselineUrl,
    bool PublishManifest,
    WithoutBaselineMode WithoutBaseline,
    bool AddedFiles,
    // File name whose change also refreshes its folder's URL; empty turns this off.
    string DirectoryIndex,
    bool ContinueOnError,
    int MaxRetries,
    TimeSpan Timeout,
    string? ReportPath,
    // Globs relative to the content root that are never refreshed, from the items and the property together.
    IReadOnlyList<string> Exclude,
    // What a run over the quota does: fail, or refresh the changed files' directories instead.
    OverQuotaMode OverQuota,
    // Wait until Tencent reports every refresh done (CdnRefreshWait).
    bool Wait,
    TimeSpan WaitTimeout,
    // Never refresh the files the web SDK serves as immutable (CdnRefreshSkipImmutable).
    bool SkipImmutable,
    // The web SDK's <project>.staticwebassets.endpoints.json in the publish output; null: none.
    string? EndpointsFile);
