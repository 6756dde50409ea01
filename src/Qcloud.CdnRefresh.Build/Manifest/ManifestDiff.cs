namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// Compares the current files with a baseline by relative path. Paths compare ordinally, case-sensitively: CDNs and most
/// servers do, so renaming <c>Logo.png</c> to <c>logo.png</c> is a deleted URL and a new one.
/// </summary>
internal static class ManifestDiff
{
    /// <exception cref="ArgumentException"><paramref name="current"/> lists a path twice.</exception>
    public static ChangeSet Compute(IReadOnlyList<ManifestFile> current, DeploymentManifest baseline)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var modified = new List<ManifestFile>();
        var added = new List<ManifestFile>();
        foreach (var file in current)
        {
            if (!seen.Add(file.RelativePath))
            {
                throw new ArgumentException($"The file '{file.RelativePath}' is listed twice.", nameof(current));
            }

            if (baseline.FileAt(file.RelativePath) is not { } before)
            {
                added.Add(file);
                continue;
            }

            // Both hashes are lowercase hex: the reader and the hasher write them so.
            if (before.Size != file.Size || !string.Equals(before.Sha256, file.Sha256, StringComparison.Ordinal))
            {
                modified.Add(file);
            }
        }

        // The baseline's files are sorted already.
        var deleted = baseline.Files.Where(file => !seen.Contains(file.RelativePath)).ToList();
        return new ChangeSet(SortedByPath(modified), deleted, SortedByPath(added));
    }

    private static IReadOnlyList<ManifestFile> SortedByPath(IEnumerable<ManifestFile> files) =>
        files.OrderBy(file => file.RelativePath, StringComparer.Ordinal).ToList();
}
