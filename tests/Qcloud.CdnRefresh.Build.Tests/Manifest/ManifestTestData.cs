using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Qcloud.CdnRefresh.Build.Manifest;
using Site = Qcloud.CdnRefresh.Build.Mapping.BaseUrl;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

/// <summary>Builders shared by the manifest tests.</summary>
internal static class ManifestTestData
{
    public const string BaseUrl = "https://www.example.com/";

    /// <summary><see cref="BaseUrl"/> as the one entry of <c>CdnRefreshBaseUrl</c>.</summary>
    public static readonly IReadOnlyList<Site> Sites = new[] { Site.Parse(BaseUrl) };

    public static readonly DateTime Time = new(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    public static ManifestFile File(string path, string content = "v0", string? urlPath = null) =>
        new(path, Encoding.UTF8.GetByteCount(content), Sha256(content), Time, urlPath);

    public static DeploymentManifest ManifestOf(IEnumerable<ManifestFile> files, params string[] pendingUrls) =>
        new(new[] { BaseUrl }, files, pendingUrls, Time);

    public static DeploymentManifest ManifestOf(params ManifestFile[] files) => ManifestOf(files, Array.Empty<string>());

    /// <summary>The stand-in for the real URL mapper: base URL + path.</summary>
    public static IReadOnlyList<string> MapUrls(Site baseUrl, IEnumerable<string> urlPaths) => urlPaths.Select(path => baseUrl.Value + path).ToList();

    public static string Url(string urlPath) => BaseUrl + urlPath;

    public static string Sha256(string content)
    {
        using var sha = SHA256.Create();
        return BitConverter.ToString(sha.ComputeHash(Encoding.UTF8.GetBytes(content))).Replace("-", "").ToLowerInvariant();
    }
}
