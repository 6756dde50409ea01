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
    public static ChangeSet Compute(IReadOnlyList<ManifestFile> current, DeploymentManifest baseline) =>
        IsStrictlySorted(current) ? Merge(current, baseline) : ComputeByLookup(current, baseline);

    /// <summary>
    /// Both lists sorted (the lister sorts, <see cref="DeploymentManifest"/> keeps its files sorted and distinct): one
    /// pass over each, with the result of <see cref="ComputeByLookup"/> but no dictionary and set of 50,000 paths.
    /// </summary>
    private static ChangeSet Merge(IReadOnlyList<ManifestFile> current, DeploymentManifest baseline)
    {
        var before = baseline.Files;
        var modified = new List<ManifestFile>();
        var added = new List<ManifestFile>();
        var deleted = new List<ManifestFile>();
        var unchanged = 0;
        int i = 0, j = 0;
        while (i < current.Count || j < before.Count)
        {
            var order = i == current.Count ? 1
                : j == before.Count ? -1
                : string.CompareOrdinal(current[i].RelativePath, before[j].RelativePath);
            if (order < 0)
            {
                added.Add(current[i++]);
            }
            else if (order > 0)
            {
                deleted.Add(before[j++]);
            }
            else
            {
                if (IsModified(before[j++], current[i]))
                {
                    modified.Add(current[i]);
                }
                else
                {
                    unchanged++;
                }

                i++;
            }
        }

        return new ChangeSet(modified, deleted, added, unchanged);
    }

    private static bool IsStrictlySorted(IReadOnlyList<ManifestFile> files)
    {
        for (var i = 1; i < files.Count; i++)
        {
            if (string.CompareOrdinal(files[i - 1].RelativePath, files[i].RelativePath) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsModified(ManifestFile before, ManifestFile now) =>
        before.Size != now.Size || !string.Equals(before.Sha256, now.Sha256, StringComparison.OrdinalIgnoreCase);

    private static ChangeSet ComputeByLookup(IReadOnlyList<ManifestFile> current, DeploymentManifest baseline)
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
            else if (IsModified(before, file))
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
