namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// One file of the content root as the manifest records it. Deliberately independent of the scanner's own file model so
/// the manifest code can be built and tested on its own; the caller converts.
/// </summary>
internal sealed record ManifestFile
{
    public ManifestFile(string relativePath, long size, string sha256, DateTime lastWriteTimeUtc, string? urlPath = null, bool immutable = false)
    {
        if (string.IsNullOrEmpty(relativePath))
        {
            throw new ArgumentException("A manifest file needs a relative path.", nameof(relativePath));
        }

        RelativePath = relativePath;
        Size = size;
        Sha256 = sha256 ?? throw new ArgumentNullException(nameof(sha256));
        LastWriteTimeUtc = DateTime.SpecifyKind(lastWriteTimeUtc, DateTimeKind.Utc);
        UrlPath = string.IsNullOrEmpty(urlPath) ? relativePath : urlPath!;
        Immutable = immutable;
    }

    /// <summary>Path under the content root, <c>/</c>-separated, case kept.</summary>
    public string RelativePath { get; }

    public long Size { get; }

    /// <summary>Lowercase hex SHA-256 of the content.</summary>
    public string Sha256 { get; }

    /// <summary>Kept so a later run can skip hashing a file whose size and time are unchanged.</summary>
    public DateTime LastWriteTimeUtc { get; }

    /// <summary>
    /// The relative path whose URL this file stands for: itself, or <c>x.css</c> for a precompressed <c>x.css.gz</c>.
    /// Stored in the manifest so a deleted sibling still refreshes the right URL.
    /// </summary>
    public string UrlPath { get; }

    /// <summary>
    /// The web SDK serves this file's URL as immutable (a fingerprinted asset). Stored in the manifest so a deleted one is
    /// still recognised when the new endpoints file no longer lists it.
    /// </summary>
    public bool Immutable { get; }
}
