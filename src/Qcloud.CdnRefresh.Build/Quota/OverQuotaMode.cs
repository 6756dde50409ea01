namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>What a run does when it needs more URL refreshes than today's quota leaves (<c>CdnRefreshOverQuota</c>).</summary>
internal enum OverQuotaMode
{
    /// <summary><c>fail</c>, the default: send nothing and fail with the numbers.</summary>
    Fail,

    /// <summary><c>directory</c>: refresh the changed files' folders instead, within the directory quota.</summary>
    Directory,
}
