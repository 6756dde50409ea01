using System;
using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>A manifest document: its head (see <see cref="ManifestHeadJson"/>), its time and its files.</summary>
internal sealed class ManifestJson : ManifestHeadJson
{
    public DateTime? UpdatedUtc { get; set; }

    public List<ManifestFileJson?>? Files { get; set; }
}
