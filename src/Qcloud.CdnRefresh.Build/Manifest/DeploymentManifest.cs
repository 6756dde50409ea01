namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// The state of the last refresh: the base URLs and files that were deployed and the URLs still owed to the CDN. Kept
/// in canonical form (base URLs and pending URLs distinct and sorted, files sorted by path, all ordinally) so that
/// writing is deterministic, whatever the order of <c>CdnRefreshBaseUrl</c>, and two manifests can be compared entry by entry.
/// </summary>
internal sealed class DeploymentManifest
{
    /// <summary>The format version this assembly writes and the newest it reads.</summary>
    public const int CurrentVersion = 1;

    private readonly Dictionary<string, ManifestFile> _filesByPath;

    public DeploymentManifest(
        IEnumerable<string> baseUrls,
        IEnumerable<ManifestFile> files,
        IEnumerable<string> pendingUrls,
        DateTime updatedUtc)
    {
        BaseUrls = baseUrls.Distinct(StringComparer.Ordinal).OrderBy(url => url, StringComparer.Ordinal).ToArray();
        if (BaseUrls.Count == 0)
        {
            throw new ArgumentException("A manifest records at least one base URL.", nameof(baseUrls));
        }

        // A manifest read back is in this order already; only what is not gets sorted.
        var sortedFiles = files.ToArray();
        if (!IsSortedByPath(sortedFiles))
        {
            Array.Sort(sortedFiles, (left, right) => string.CompareOrdinal(left.RelativePath, right.RelativePath));
        }

        _filesByPath = new Dictionary<string, ManifestFile>(sortedFiles.Length, StringComparer.Ordinal);
        foreach (var file in sortedFiles)
        {
            if (_filesByPath.ContainsKey(file.RelativePath))
            {
                throw new ArgumentException($"The file '{file.RelativePath}' is listed twice.", nameof(files));
            }

            _filesByPath[file.RelativePath] = file;
        }

        Files = sortedFiles;
        PendingUrls = pendingUrls.Distinct(StringComparer.Ordinal).OrderBy(url => url, StringComparer.Ordinal).ToArray();
        UpdatedUtc = DateTime.SpecifyKind(updatedUtc, DateTimeKind.Utc);
    }

    /// <summary>
    /// The <c>CdnRefreshBaseUrl</c> entries the files were deployed under, at least one, distinct, sorted ordinally; a
    /// baseline counts only for the same ones (<see cref="BaseUrlMatch"/>).
    /// </summary>
    public IReadOnlyList<string> BaseUrls { get; }

    /// <summary>Sorted ordinally by <see cref="ManifestFile.RelativePath"/>, no duplicates.</summary>
    public IReadOnlyList<ManifestFile> Files { get; }

    /// <summary>URLs of a failed or unsent batch: sent again by the next run. Distinct, sorted ordinally.</summary>
    public IReadOnlyList<string> PendingUrls { get; }

    public DateTime UpdatedUtc { get; }

    /// <summary>The entry of the file at <paramref name="relativePath"/> (compared ordinally); null when there is none.</summary>
    public ManifestFile? FileAt(string relativePath) => _filesByPath.TryGetValue(relativePath, out var file) ? file : null;

    /// <summary>
    /// The hash recorded for the file at <paramref name="relativePath"/> while its size and last write time are still
    /// those recorded with it; null when they differ or the file has no entry, and it must be read.
    /// </summary>
    public string? HashIfUnchanged(string relativePath, long size, DateTime lastWriteTimeUtc) =>
        FileAt(relativePath) is { } recorded
        && recorded.Size == size
        && recorded.LastWriteTimeUtc.Ticks == lastWriteTimeUtc.Ticks
        && !string.IsNullOrEmpty(recorded.Sha256)
            ? recorded.Sha256
            : null;

    /// <summary>Same base URLs, files and pending URLs; <see cref="UpdatedUtc"/> is ignored.</summary>
    public bool HasSameContentAs(DeploymentManifest other) =>
        BaseUrls.SequenceEqual(other.BaseUrls, StringComparer.Ordinal)
        && Files.SequenceEqual(other.Files)
        && PendingUrls.SequenceEqual(other.PendingUrls, StringComparer.Ordinal);

    private static bool IsSortedByPath(ManifestFile[] files)
    {
        for (var i = 1; i < files.Length; i++)
        {
            if (string.CompareOrdinal(files[i - 1].RelativePath, files[i].RelativePath) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
