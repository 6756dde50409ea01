using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Qcloud.CdnRefresh.Build.ChangeDetection;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Manifest;
using Qcloud.CdnRefresh.Build.Mapping;
using Qcloud.CdnRefresh.Build.Providers;
using Qcloud.CdnRefresh.Build.Quota;

namespace Qcloud.CdnRefresh.Build.Configuration;

/// <summary>
/// Turns the task's string parameters into <see cref="RefreshSettings"/>, or a coded error that names the property,
/// the value and what is allowed. Runs before anything is read or sent.
/// </summary>
/// <remarks>
/// The one place that holds each knob's default, allowed values and diagnostic: the package's .targets pass every
/// <c>$(CdnRefresh…)</c> property through unchanged, and an empty value takes the default given here. The defaults
/// that MSBuild itself needs (<c>CdnRefresh</c>, <c>CdnRefreshAfterTargets</c>, <c>CdnRefreshManifest</c>,
/// <c>CdnRefreshDirectoryIndex</c>, <c>CdnRefreshTaskAssembly</c>) live in the .props and .targets instead.
/// </remarks>
internal static class RefreshSettingsParser
{
    /// <summary>
    /// One line a knob: the task parameter it reads, the property its errors name, the code, the default (of a choice,
    /// the first) and the allowed values.
    /// </summary>
    /// <param name="parameter">The value of the task's string parameter of that name, as MSBuild passed it (null or empty when unset).</param>
    /// <param name="excludeItems">The <c>CdnRefreshExclude</c> items' specs.</param>
    /// <exception cref="CdnRefreshException">A knob has a value outside its allowed ones.</exception>
    public static RefreshSettings Parse(Func<string, string?> parameter, IEnumerable<string> excludeItems)
    {
        var providers = ProviderRegistration.All;
        var apiName = OneOf(parameter("Api"), "CdnRefreshApi", DiagnosticCodes.UnknownApi, providers.Select(p => p.Name).ToArray());
        var api = providers.First(provider => provider.Name == apiName);
        return new RefreshSettings(
            PublishDir: PublishDir(parameter("PublishDir")),
            ContentRoot: Optional(parameter("ContentRoot")),
            BaseUrls: BaseUrls(parameter("BaseUrl")),
            Api: api,
            Area: OneOf(parameter("Area"), "CdnRefreshArea", DiagnosticCodes.UnknownArea, "overseas", "mainland"),
            ZoneId: ZoneId(parameter("ZoneId"), api),
            AreaIgnored: api.ZoneScoped && !Blank(parameter("Area")),
            Endpoint: Endpoint(parameter("Endpoint"), api),
            SignatureMethod: OneOf(
                parameter("SignatureMethod"), "CdnRefreshSignatureMethod", DiagnosticCodes.UnknownSignatureMethod, "HmacSHA1", "HmacSHA256"),
            BatchSize: Integer(parameter("BatchSize"), "CdnRefreshBatchSize", DiagnosticCodes.BatchSizeOutOfRange, fallback: 1000, min: 1, max: 1000),
            DailyQuota: Integer(parameter("DailyQuota"), "CdnRefreshDailyQuota", DiagnosticCodes.InvalidOption, fallback: 10000, min: 1, max: int.MaxValue),
            DryRun: Boolean(parameter("DryRun"), "CdnRefreshDryRun"),
            ManifestPath: Optional(parameter("Manifest")),
            BaselineUrl: Optional(parameter("BaselineUrl")) is { } baselineUrl ? BaselineFetcher.ParseBaselineUrl(baselineUrl) : null,
            PublishManifest: Boolean(parameter("PublishManifest"), "CdnRefreshPublishManifest"),
            WithoutBaseline: OneOf(parameter("WithoutBaseline"), "CdnRefreshWithoutBaseline", DiagnosticCodes.InvalidOption, "all", "none") == "all"
                ? WithoutBaselineMode.All
                : WithoutBaselineMode.None,
            AddedFiles: Boolean(parameter("AddedFiles"), "CdnRefreshAddedFiles"),
            DirectoryIndex: Optional(parameter("DirectoryIndex")) ?? string.Empty,
            ContinueOnError: Boolean(parameter("ContinueOnApiError"), "CdnRefreshContinueOnError"),
            MaxRetries: Integer(parameter("MaxRetries"), "CdnRefreshMaxRetries", DiagnosticCodes.InvalidOption, fallback: 3, min: 0, max: 10),
            Timeout: Seconds(parameter("Timeout"), "CdnRefreshTimeout", fallback: 30, max: 3600),
            ReportPath: Optional(parameter("Report")),
            Exclude: Exclude(excludeItems, parameter("ExcludePatterns")),
            OverQuota: OneOf(parameter("OverQuota"), "CdnRefreshOverQuota", DiagnosticCodes.InvalidOption, "fail", "directory") == "fail"
                ? OverQuotaMode.Fail
                : OverQuotaMode.Directory,
            Wait: Boolean(parameter("Wait"), "CdnRefreshWait"),
            WaitTimeout: Seconds(parameter("WaitTimeout"), "CdnRefreshWaitTimeout", fallback: 300, max: 86400),
            SkipImmutable: Boolean(parameter("SkipImmutable"), "CdnRefreshSkipImmutable", fallback: true),
            EndpointsFile: Optional(parameter("EndpointsFile")));
    }

    private static string PublishDir(string? value) =>
        !Blank(value) && Directory.Exists(value)
            ? Path.GetFullPath(value)
            : throw ContentRoot.PublishFolderMissing(value);

    /// <summary>
    /// The <c>;</c>-separated entries, trimmed, empty ones skipped, each a <see cref="BaseUrl"/>; a later spelling of a
    /// site already listed counts once. None at all is the "required" error.
    /// </summary>
    private static IReadOnlyList<BaseUrl> BaseUrls(string? value)
    {
        var entries = (value ?? string.Empty).Split(';').Select(entry => entry.Trim()).Where(entry => entry.Length > 0);
        var baseUrls = new List<BaseUrl>();
        foreach (var baseUrl in entries.Select(BaseUrl.Parse))
        {
            if (!baseUrls.Any(listed => listed.IsSameSiteAs(baseUrl.Value)))
            {
                baseUrls.Add(baseUrl);
            }
        }

        return baseUrls.Count > 0 ? baseUrls : [BaseUrl.Parse(string.Empty)];
    }

    /// <summary>Required by a zone-scoped API, as <c>zone-</c> and letters or digits; ignored by the others.</summary>
    private static string? ZoneId(string? value, ProviderRegistration api)
    {
        if (!api.ZoneScoped)
        {
            return null;
        }

        var zone = value?.Trim() ?? string.Empty;
        return Regex.IsMatch(zone, "^zone-[A-Za-z0-9]+$", RegexOptions.CultureInvariant)
            ? zone
            : throw new CdnRefreshException(
                DiagnosticCodes.ZoneIdInvalid,
                (Blank(value) ? $"CdnRefreshApi={api.Name} needs CdnRefreshZoneId" : $"CdnRefreshZoneId '{value}' is not an EdgeOne site id")
                + ": pass -p:CdnRefreshZoneId=zone-… with the site's id from the EdgeOne console (zone- and letters or digits).");
    }

    /// <summary>Empty means the provider's default endpoint. Plain http would send the signed request in clear text: allowed only to this machine (tests, proxies).</summary>
    private static Uri Endpoint(string? value, ProviderRegistration api)
    {
        if (Blank(value))
        {
            return api.DefaultEndpoint;
        }

        var valid = Uri.TryCreate(value!.Trim(), UriKind.Absolute, out var endpoint) && endpoint.Scheme is "https" or "http";
        var problem = !valid
            ? $"is not an absolute https:// URL. Leave it empty for Tencent's endpoint ({api.DefaultEndpoint})."
            : endpoint!.Scheme == "http" && !IsLoopback(endpoint)
                ? "uses plain http:// on a host that is not this machine; signed requests must go over https://."
                : null;
        return problem is null
            ? endpoint!
            : throw new CdnRefreshException(DiagnosticCodes.EndpointInvalid, $"CdnRefreshEndpoint '{value}' {problem}");
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    /// <summary>The items, then the <c>;</c>-separated patterns of <c>CdnRefreshExcludePatterns</c>, trimmed, empty ones dropped.</summary>
    private static IReadOnlyList<string> Exclude(IEnumerable<string> items, string? patterns) =>
        items
            .Concat((patterns ?? string.Empty).Split(';').Select(p => p.Trim()))
            .Where(p => p.Length > 0)
            .ToList();

    /// <summary>
    /// One of <paramref name="names"/>, as written there, matched in any case; empty takes the first, the default (of
    /// <c>CdnRefreshApi</c>: the first provider registered).
    /// </summary>
    private static string OneOf(string? value, string property, string code, params string[] names)
    {
        if (Blank(value))
        {
            return names[0];
        }

        var wanted = value!.Trim();
        foreach (var name in names)
        {
            if (string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        throw new CdnRefreshException(code, $"{property} '{value}' is not supported. Use one of: {string.Join(", ", names)}.");
    }

    private static TimeSpan Seconds(string? value, string property, int fallback, int max) =>
        TimeSpan.FromSeconds(Integer(value, property, DiagnosticCodes.InvalidOption, fallback, min: 1, max));

    private static int Integer(string? value, string property, string code, int fallback, int min, int max) =>
        Blank(value)
            ? fallback
            : int.TryParse(value!.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
                ? number
                : throw new CdnRefreshException(code, $"{property} '{value}' must be a whole number from {min} to {max}.");

    /// <summary>Empty is <paramref name="fallback"/>: <c>false</c>, the default of every boolean knob but <c>CdnRefreshSkipImmutable</c>.</summary>
    private static bool Boolean(string? value, string property, bool fallback = false) =>
        value?.Trim().ToLowerInvariant() switch
        {
            null or "" => fallback,
            "true" or "yes" or "1" or "on" => true,
            "false" or "no" or "0" or "off" => false,
            _ => throw new CdnRefreshException(DiagnosticCodes.InvalidOption, $"{property} '{value}' must be true or false."),
        };

    /// <summary>The trimmed value, or null when blank.</summary>
    private static string? Optional(string? value) => Blank(value) ? null : value!.Trim();

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
