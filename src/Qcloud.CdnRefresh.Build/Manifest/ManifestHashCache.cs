using System;
using System.Collections.Generic;
using System.Linq;
using Qcloud.CdnRefresh.Build.ChangeDetection;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>The hashes a manifest recorded, keyed by relative path, for <see cref="FileHasher"/> to reuse.</summary>
internal static class ManifestHashCache
{
    /// <summary>Null when there is no manifest: then every file is read.</summary>
    public static IReadOnlyDictionary<string, CachedHash>? From(DeploymentManifest? manifest) =>
        manifest?.Files.ToDictionary(f => f.RelativePath, f => new CachedHash(f.Size, f.LastWriteTimeUtc.Ticks, f.Sha256), StringComparer.Ordinal);
}
