namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>What a batch refreshed: the APIs keep URL and directory refreshes apart, in their actions and their logs.</summary>
internal enum RefreshTarget
{
    /// <summary>Single URLs (v3 <c>PurgeUrlsCache</c>, v2 <c>RefreshCdnOverSeaUrl</c>/<c>RefreshCdnUrl</c>).</summary>
    Urls,

    /// <summary>Directories (v3 <c>PurgePathCache</c>, v2 <c>RefreshCdnOverSeaDir</c>/<c>RefreshCdnDir</c>).</summary>
    Directories,
}
