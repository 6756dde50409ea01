using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// The fields of a manifest that decide whether the rest is read at all. Besides the version they are kept as raw JSON
/// values, so that a document of a newer format, which may shape them differently, is still recognised by its version.
/// </summary>
internal class ManifestHeadJson
{
    public int? Version { get; set; }

    public JsonElement? BaseUrl { get; set; }

    /// <summary>Written only when there is more than one base URL; <see cref="BaseUrl"/> is then the first of them.</summary>
    public JsonElement? BaseUrls { get; set; }

    public JsonElement? PendingUrls { get; set; }
}
