using System;
using System.Collections.Generic;
using System.Linq;
using Qcloud.CdnRefresh.Build.ChangeDetection;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>The hashes a manifest recorded, keyed by relative path, for <see cref="FileHasher"/> to reuse.</summary>
internal static class ManifestHashCache
{
    /// <summary>Null when there is no manifest: then every file is read. Ordinal, as the manifest's paths are.</summary>
    public static IReadOnlyDictionary<string, CachedHash>? From(DeploymentManifest? manifest) =>
        manifest?.Files.ToDictionary(
            file => file.RelativePath,
            file => new CachedHash(file.Size, file.LastWriteTimeUtc.Ticks, file.Sha256),
            StringComparer.Ordinal);
}
