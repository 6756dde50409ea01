using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>How the current files differ from the baseline. Each list is sorted ordinally by relative path.</summary>
internal sealed class ChangeSet
{
    public ChangeSet(
        IReadOnlyList<ManifestFile> modified,
        IReadOnlyList<ManifestFile> deleted,
        IReadOnlyList<ManifestFile> added,
        int unchangedCount)
    {
        Modified = modified;
        Deleted = deleted;
        Added = added;
        UnchangedCount = unchangedCount;
    }

    /// <summary>Current entries whose path is in the baseline with a different size or SHA-256.</summary>
    public IReadOnlyList<ManifestFile> Modified { get; }

    /// <summary>Baseline entries whose path no longer exists; their recorded URL path is what must be refreshed.</summary>
    public IReadOnlyList<ManifestFile> Deleted { get; }

    /// <summary>Current entries whose path is not in the baseline.</summary>
    public IReadOnlyList<ManifestFile> Added { get; }

    public int UnchangedCount { get; }
}
