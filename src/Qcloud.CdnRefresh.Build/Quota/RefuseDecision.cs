using Qcloud.CdnRefresh.Build.Diagnostics;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>The run must not start: nothing fits today. <see cref="Message"/> has the numbers and the knobs to change.</summary>
internal sealed record RefuseDecision : QuotaDecision
{
    /// <summary>A <see cref="DiagnosticCodes"/> value.</summary>
    public required string Code { get; init; }

    public required string Message { get; init; }

    /// <summary>Directory refreshes left today, when <c>CdnRefreshOverQuota=directory</c> was tried; otherwise null.</summary>
    public long? DirectoriesAvailable { get; init; }

    /// <summary>The error to throw for a real run (a dry run logs <see cref="Message"/> as a warning instead).</summary>
    public CdnRefreshException ToException() => new(Code, Message);
}
