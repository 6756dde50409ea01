using Qcloud.CdnRefresh.Build.Providers.V3;

namespace Qcloud.CdnRefresh.Build.Providers.EdgeOne;

/// <summary>The answer to <c>DescribeContentQuota</c>: the zone's purge quotas, one per purge type.</summary>
internal sealed record EdgeOneQuotaResponse : V3Response
{
    public IReadOnlyList<Quota>? PurgeQuota { get; init; }

    public override bool IsComplete() => PurgeQuota is not null;

    /// <summary>The quota of purge type <paramref name="type"/> (<c>purge_url</c>, <c>purge_prefix</c>), when reported.</summary>
    public Quota? For(string type) =>
        PurgeQuota?.FirstOrDefault(q => string.Equals(q.Type, type, StringComparison.Ordinal));

    /// <summary>
    /// <c>Batch</c>: most targets a request; <c>Daily</c>: the day's allowance; <c>DailyAvailable</c>: what is left
    /// today. A number the answer leaves out is null.
    /// </summary>
    internal sealed record Quota(string? Type, long? Batch, long? Daily, long? DailyAvailable);
}
