using Qcloud.CdnRefresh.Build.Manifest;
using Qcloud.CdnRefresh.Build.Mapping;
using Qcloud.CdnRefresh.Build.Providers;
using Qcloud.CdnRefresh.Build.Quota;

namespace Qcloud.CdnRefresh.Build.Configuration;

/// <summary>
/// The validated knobs of one run. Only <see cref="RefreshSettingsParser"/> builds it, and it sets every member:
/// the defaults live there, not here.
/// </summary>
internal sealed record RefreshSettings
{
    public required string PublishDir { get; init; }

    /// <summary>Null: <c>wwwroot</c> when the publish folder has one, else the publish folder.</summary>
    public required string? ContentRoot { get; init; }

    /// <summary>
    /// The <c>CdnRefreshBaseUrl</c> entries, at least one, no two the same site, in the user's order (for display;
    /// what is recorded or compared uses the ordinal order of <see cref="BaseUrl.Value"/>).
    /// </summary>
    public required IReadOnlyList<BaseUrl> BaseUrls { get; init; }

    /// <summary>The provider <c>CdnRefreshApi</c> names.</summary>
    public required ProviderRegistration Api { get; init; }

    /// <summary><c>overseas</c> or <c>mainland</c>.</summary>
    public required string Area { get; init; }

    /// <summary>The EdgeOne site id (<c>zone-…</c>) of a zone-scoped API; null for the others.</summary>
    public required string? ZoneId { get; init; }

    /// <summary><c>CdnRefreshArea</c> was set, but the API purges a zone, which decides the area itself.</summary>
    public required bool AreaIgnored { get; init; }

    public required Uri Endpoint { get; init; }

    /// <summary>API 2.0 only: <c>HmacSHA1</c> or <c>HmacSHA256</c>.</summary>
    public required string SignatureMethod { get; init; }

    public required int BatchSize { get; init; }

    public required int DailyQuota { get; init; }

    public required bool DryRun { get; init; }

    /// <summary>Null: no local manifest is read or written.</summary>
    public required string? ManifestPath { get; init; }

    public required Uri? BaselineUrl { get; init; }

    public required bool PublishManifest { get; init; }

    public required WithoutBaselineMode WithoutBaseline { get; init; }

    public required bool AddedFiles { get; init; }

    /// <summary>File name whose change also refreshes its folder's URL; empty turns this off.</summary>
    public required string DirectoryIndex { get; init; }

    public required bool ContinueOnError { get; init; }

    public required int MaxRetries { get; init; }

    public required TimeSpan Timeout { get; init; }

    public required string? ReportPath { get; init; }

    /// <summary>Globs relative to the content root that are never refreshed, from the items and the property together.</summary>
    public required IReadOnlyList<string> Exclude { get; init; }

    /// <summary>What a run over the quota does: fail, or refresh the changed files' directories instead.</summary>
    public required OverQuotaMode OverQuota { get; init; }

    /// <summary>Wait until Tencent reports every refresh done (<c>CdnRefreshWait</c>).</summary>
    public required bool Wait { get; init; }

    public required TimeSpan WaitTimeout { get; init; }

    /// <summary>Never refresh the files the web SDK serves as immutable (<c>CdnRefreshSkipImmutable</c>).</summary>
    public required bool SkipImmutable { get; init; }

    /// <summary>The web SDK's <c>&lt;project&gt;.staticwebassets.endpoints.json</c> in the publish output; null: none.</summary>
    public required string? EndpointsFile { get; init; }
}
