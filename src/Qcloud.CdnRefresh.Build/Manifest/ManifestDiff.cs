using System;
using System.Collections.Generic;
using System.Linq;

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
        var baselineByPath = new Dictionary<string, ManifestFile>(baseline.Files.Count, StringComparer.Ordinal);
        foreach (var file in baseline.Files)
        {
            baselineByPath.Add(file.RelativePath, file);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var modified = new List<ManifestFile>();
        var added = new List<ManifestFile>();
        var unchanged = 0;
        foreach (var file in current)
        {
            if (!seen.Add(file.RelativePath))
            {
                throw new ArgumentException($"The file '{file.RelativePath}' is listed twice.", nameof(current));
            }

            if (!baselineByPath.TryGetValue(file.RelativePath, out var before))
            {
                added.Add(file);
            }
            else if (before.Size != file.Size || !string.Equals(before.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                modified.Add(file);
            }
            else
            {
                unchanged++;
            }
        }

        var deleted = baseline.Files.Where(file => !seen.Contains(file.RelativePath)).ToList();
        return new ChangeSet(SortedByPath(modified), deleted, SortedByPath(added), unchanged);
    }

    private static IReadOnlyList<ManifestFile> SortedByPath(List<ManifestFile> files)
    {
        files.Sort((left, right) => string.CompareOrdinal(left.RelativePath, right.RelativePath));
        return files;
    }
}
