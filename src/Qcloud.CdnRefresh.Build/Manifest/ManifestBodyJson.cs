using System;
using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>The fields of a manifest read once its head (see <see cref="ManifestHeadJson"/>) is accepted.</summary>
internal sealed class ManifestBodyJson
{
    public DateTime? UpdatedUtc { get; set; }

    public List<ManifestFileJson?>? Files { get; set; }
}
