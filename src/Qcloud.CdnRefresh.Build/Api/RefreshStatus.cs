namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>Where the refresh of one URL or directory stands, in the same terms for both APIs.</summary>
internal enum RefreshStatus
{
    /// <summary>The CDN nodes have dropped it (v3 <c>done</c>, v2 overseas 2, v2 mainland 1).</summary>
    Done,

    /// <summary>Still spreading to the nodes (v3 <c>process</c>, v2 overseas 1, v2 mainland 0).</summary>
    Running,

    /// <summary>Tencent gave up on it (v3 <c>fail</c>, v2 overseas -1, v2 mainland below 0).</summary>
    Failed,

    /// <summary>Not in the API's log (yet), or a status this client does not know.</summary>
    Unknown,
}
