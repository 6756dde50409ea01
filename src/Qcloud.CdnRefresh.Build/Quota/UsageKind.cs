namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>Which daily refresh quota an accepted entry counts against; Tencent counts the two separately.</summary>
internal enum UsageKind
{
    /// <summary>URL refreshes (<c>RefreshCdnOverSeaUrl</c>, <c>RefreshCdnUrl</c>).</summary>
    Urls,

    /// <summary>Directory refreshes (<c>RefreshCdnOverSeaDir</c>, <c>RefreshCdnDir</c>).</summary>
    Directories,
}
