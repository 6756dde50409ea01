namespace Qcloud.CdnRefresh.Build.Configuration;

/// <summary>Which Tencent Cloud API a run talks to (<c>CdnRefreshApi</c>).</summary>
internal enum ApiVersion
{
    /// <summary>API 3.0 <c>PurgeUrlsCache</c>, TC3-HMAC-SHA256. The default: Tencent retired API 2.0 for most accounts.</summary>
    V3,

    /// <summary>API 2.0 <c>RefreshCdnOverSeaUrl</c> / <c>RefreshCdnUrl</c>, HmacSHA1 or HmacSHA256.</summary>
    V2,
}
