using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
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
internal static class RefreshSettingsParser
{
    public static RefreshSettings Parse(RawSettings raw)
    {
        var api = ParseApi(raw.Api);
        return new RefreshSettings
        {
            PublishDir = ParsePublishDir(raw.PublishDir),
            ContentRoot = Blank(raw.ContentRoot) ? null : raw.ContentRoot!.Trim(),
            BaseUrl = BaseUrl.Parse(raw.BaseUrl),
            Api = api,
            Area = OneOf(raw.Area, "overseas", DiagnosticCodes.UnknownArea, "CdnRefreshArea", "overseas", "mainland"),
            Endpoint = ParseEndpoint(raw.Endpoint, api),
            SignatureMethod = OneOf(raw.SignatureMethod, "HmacSHA1", DiagnosticCodes.UnknownSignatureMethod, "CdnRefreshSignatureMethod", "HmacSHA1", "HmacSHA256"),
            BatchSize = Integer(raw.BatchSize, 1000, 1, 1000, DiagnosticCodes.BatchSizeOutOfRange, "CdnRefreshBatchSize"),
            DailyQuota = Integer(raw.DailyQuota, 10000, 1, int.MaxValue, DiagnosticCodes.InvalidOption, "CdnRefreshDailyQuota"),
            DryRun = Boolean(raw.DryRun, "CdnRefreshDryRun"),
            ManifestPath = Blank(raw.Manifest) ? null : raw.Manifest!.Trim(),
            BaselineUrl = Blank(raw.BaselineUrl) ? null : BaselineFetcher.ParseBaselineUrl(raw.BaselineUrl!),
            PublishManifest = Boolean(raw.PublishManifest, "CdnRefreshPublishManifest"),
            WithoutBaseline = OneOf(raw.WithoutBaseline, "all", DiagnosticCodes.InvalidOption, "CdnRefreshWithoutBaseline", "all", "none"),
            AddedFiles = Boolean(raw.AddedFiles, "CdnRefreshAddedFiles"),
            DirectoryIndex = raw.DirectoryIndex?.Trim() ?? string.Empty,
            ContinueOnError = Boolean(raw.ContinueOnError, "CdnRefreshContinueOnError"),
            MaxRetries = Integer(raw.MaxRetries, 3, 0, 10, DiagnosticCodes.InvalidOption, "CdnRefreshMaxRetries"),
            Timeout = TimeSpan.FromSeconds(Integer(raw.Timeout, 30, 1, 3600, DiagnosticCodes.InvalidOption, "CdnRefreshTimeout")),
            ReportPath = Blank(raw.Report) ? null : raw.Report!.Trim(),
            Exclude = raw.Exclude,
            OverQuota = QuotaBudget.ParseOverQuotaMode(raw.OverQuota),
            Wait = Boolean(raw.Wait, "CdnRefreshWait"),
            WaitTimeout = TimeSpan.FromSeconds(Integer(raw.WaitTimeout, 300, 1, 86400, DiagnosticCodes.InvalidOption, "CdnRefreshWaitTimeout")),
        };
    }

    private static ProviderRegistration ParseApi(string? value)
    {
        var names = RefreshProviders.All.Select(p => p.Name).ToArray();
        return RefreshProviders.Find(OneOf(value, RefreshProviders.Default.Name, DiagnosticCodes.UnknownApi, "CdnRefreshApi", names))!;
    }

    private static string ParsePublishDir(string? value)
    {
        if (Blank(value) || !Directory.Exists(value))
        {
            throw new CdnRefreshException(
                DiagnosticCodes.PublishDirMissing,
                $"The publish folder '{value}' does not exist. Run the refresh after Publish, or pass -p:PublishDir=<folder that holds the published site>.");
        }

        return Path.GetFullPath(value);
    }

    /// <summary>Plain http would send the signed request in clear text: allowed only to this machine (tests, proxies).</summary>
    private static Uri ParseEndpoint(string? value, ProviderRegistration api)
    {
        if (Blank(value))
        {
            return api.DefaultEndpoint;
        }

        if (!Uri.TryCreate(value!.Trim(), UriKind.Absolute, out var endpoint) || (endpoint.Scheme != "https" && endpoint.Scheme != "http"))
        {
            throw new CdnRefreshException(
                DiagnosticCodes.EndpointInvalid,
                $"CdnRefreshEndpoint '{value}' is not an absolute https:// URL. Leave it empty for Tencent's endpoint ({api.DefaultEndpoint}).");
        }

        if (endpoint.Scheme == "http" && !IsLoopback(endpoint))
        {
            throw new CdnRefreshException(
                DiagnosticCodes.EndpointInvalid,
                $"CdnRefreshEndpoint '{value}' uses plain http:// on a host that is not this machine; signed requests must go over https://.");
        }

        return endpoint;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    private static string OneOf(string? value, string fallback, string code, string property, params string[] allowed)
    {
        if (Blank(value))
        {
            return fallback;
        }

        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, value!.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        throw new CdnRefreshException(code, $"{property} '{value}' is not supported. Use one of: {string.Join(", ", allowed)}.");
    }

    private static int Integer(string? value, int fallback, int min, int max, string code, string property)
    {
        if (Blank(value))
        {
            return fallback;
        }

        if (!int.TryParse(value!.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            throw new CdnRefreshException(code, $"{property} '{value}' must be a whole number from {min} to {max}.");
        }

        return number;
    }

    private static bool Boolean(string? value, string property)
    {
        if (Blank(value))
        {
            return false;
        }

        return value!.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "1" or "on" => true,
            "false" or "no" or "0" or "off" => false,
            _ => throw new CdnRefreshException(DiagnosticCodes.InvalidOption, $"{property} '{value}' must be true or false."),
        };
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
