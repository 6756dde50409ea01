using Qcloud.CdnRefresh.Build.ChangeDetection;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// The manifest as a local file (<c>CdnRefreshManifest</c>) and as the published copy in the content root
/// (<c>CdnRefreshPublishManifest</c>). Callers hold <see cref="ManifestLock"/> around load, refresh and save.
/// </summary>
internal static class ManifestStore
{
    /// <summary>The copy in the content root, served as the next <c>CdnRefreshBaselineUrl</c>; never listed, so never a change.</summary>
    public const string PublishedFileName = ExclusionRules.PublishedManifestFileName;

    /// <summary>Reads the baseline. A missing file is simply no baseline; a defective one is no baseline plus a warning.</summary>
    /// <exception cref="CdnRefreshException"><see cref="DiagnosticCodes.FileUnreadable"/>: the file exists but cannot be read.</exception>
    public static ManifestLoadResult Load(string path, IReadOnlyList<BaseUrl> baseUrls)
    {
        try
        {
            // Share read/write/delete so that reading never blocks another build's atomic replace. A file shortened
            // meanwhile is read as found, and the reader judges it.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return ManifestReader.Parse(stream, path, baseUrls);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return ManifestLoadResult.NoBaseline();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Failing is better than silently refreshing every file (and spending the daily quota) on a permissions problem.
            throw new CdnRefreshException(
                DiagnosticCodes.FileUnreadable,
                $"Cannot read the CDN refresh manifest '{path}': {exception.Message} "
                + "Make it readable, or delete it to start from no baseline.",
                exception);
        }
    }

    /// <summary>
    /// Replaces the manifest at <paramref name="path"/> atomically, creating its folder if needed;
    /// <paramref name="temporaryPathFor"/> is a test seam for where the temporary file goes.
    /// </summary>
    /// <exception cref="CdnRefreshException"><see cref="DiagnosticCodes.ManifestWriteFailed"/>; the old file is intact.</exception>
    public static void Save(string path, DeploymentManifest manifest, Func<string, string>? temporaryPathFor = null)
    {
        try
        {
            AtomicFileWriter.Write(path, stream => ManifestWriter.WriteTo(stream, manifest), temporaryPathFor);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CdnRefreshException(
                DiagnosticCodes.ManifestWriteFailed,
                $"Cannot write the CDN refresh manifest '{path}': {exception.Message} The previous manifest is unchanged, so "
                + "the next run refreshes this run's URLs again. Make the folder writable and check the free disk space.",
                exception);
        }
    }

    /// <summary>Writes <see cref="PublishedFileName"/> into <paramref name="contentRoot"/>, atomically like <see cref="Save"/>.</summary>
    /// <returns>The path written.</returns>
    public static string WritePublished(string contentRoot, DeploymentManifest manifest)
    {
        var path = Path.Combine(contentRoot, PublishedFileName);
        Save(path, manifest);
        return path;
    }
}
