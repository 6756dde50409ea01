namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>A URL the API accepted, with its 1-based batch number and the API's task id.</summary>
internal sealed record RefreshedUrl(string Url, int Batch, string? TaskId);
