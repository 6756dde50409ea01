using Qcloud.CdnRefresh.Build.Providers.V3;

namespace Qcloud.CdnRefresh.Build.Providers.EdgeOne;

/// <summary>
/// The answer to <c>CreatePurgeTask</c>: its <c>JobId</c>, and in <c>FailedList</c> the targets it did not accept,
/// grouped by reason. A request succeeds even when some of its targets are in <c>FailedList</c>.
/// </summary>
internal sealed record EdgeOnePurgeResponse : V3Response
{
    public string? JobId { get; init; }

    /// <summary>Null or empty when every target was accepted.</summary>
    public IReadOnlyList<FailReason>? FailedList { get; init; }

    internal sealed record FailReason(string? Reason, IReadOnlyList<string>? Targets);
}
