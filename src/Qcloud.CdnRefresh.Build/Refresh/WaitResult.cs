using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>How waiting for the refreshes ended (<c>CdnRefreshWait</c>).</summary>
internal sealed record WaitResult
{
    /// <summary>Entries (URLs or directories, as sent) Tencent reported as failed.</summary>
    public IReadOnlyList<string> Failed { get; init; } = Array.Empty<string>();

    /// <summary>Entries still running when <c>CdnRefreshWaitTimeout</c> passed; empty unless the wait timed out.</summary>
    public IReadOnlyList<string> StillRunning { get; init; } = Array.Empty<string>();

    /// <summary>Why the status could not be read, if it could not.</summary>
    public ApiFailure? QueryFailure { get; init; }

    public bool TimedOut => StillRunning.Count > 0 && !Cancelled;

    /// <summary>The build was cancelled while waiting; <see cref="Failed"/> still holds what was learnt before.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Status queries made.</summary>
    public int Polls { get; init; }

    public TimeSpan Waited { get; init; }
}
