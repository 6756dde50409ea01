namespace Qcloud.CdnRefresh.Build.Reporting;

/// <summary>
/// A URL the API accepted, with its 1-based batch number and the API's task id; <paramref name="Directory"/> is the
/// directory refresh that covered it when the run folded URLs into directories (<c>CdnRefreshOverQuota=directory</c>).
/// </summary>
internal sealed record RefreshedUrl(string Url, int Batch, string? TaskId, string? Directory = null);
