namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// The status of one URL or directory URL as it was sent; with its task when known, the status as the API wrote it
/// (v3 <c>done</c>, v2 <c>-1</c>; null when not reported) and when the API logged it (v3 <c>CreateTime</c>, v2
/// <c>datetime</c>; null when unknown).
/// </summary>
internal sealed record UrlRefreshStatus(
    string Url, RefreshStatus Status, string? TaskId = null, string? ApiStatus = null, DateTimeOffset? LoggedAt = null);
