using System;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>The status of one URL or directory of a submitted batch.</summary>
internal sealed record UrlRefreshStatus
{
    /// <summary>The URL or directory URL as it was sent.</summary>
    public required string Url { get; init; }

    public required RefreshStatus Status { get; init; }

    /// <summary>The task it belongs to, when known.</summary>
    public string? TaskId { get; init; }

    /// <summary>The status as the API wrote it (v3 <c>done</c>, v2 <c>-1</c>); null when the API did not report it.</summary>
    public string? ApiStatus { get; init; }

    /// <summary>When the API logged the refresh (v3 <c>CreateTime</c>, v2 <c>datetime</c>, both Beijing time); null when unknown.</summary>
    public DateTimeOffset? LoggedAt { get; init; }
}
