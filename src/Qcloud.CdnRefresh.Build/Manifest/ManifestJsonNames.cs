namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>Property names of the manifest JSON, shared by the reader and the writer so they cannot drift apart.</summary>
internal static class ManifestJsonNames
{
    public const string Version = "version";
    public const string BaseUrl = "baseUrl";
    public const string UpdatedUtc = "updatedUtc";
    public const string Files = "files";
    public const string PendingUrls = "pendingUrls";

    public const string Path = "path";
    public const string UrlPath = "urlPath";
    public const string Size = "size";
    public const string Sha256 = "sha256";
    public const string LastWriteTimeUtc = "lastWriteTimeUtc";

    /// <summary>Round-trip ISO-8601 (<c>2024-05-01T12:00:00.1234567Z</c>): keeps every tick, sorts as text.</summary>
    public const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
}
