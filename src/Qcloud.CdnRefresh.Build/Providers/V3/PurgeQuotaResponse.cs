namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>The answer to <c>DescribePurgeQuota</c>: the URL and path purge quotas per area.</summary>
internal sealed record PurgeQuotaResponse : V3Response
{
    public IReadOnlyList<PurgeQuota>? UrlPurge { get; init; }

    public IReadOnlyList<PurgeQuota>? PathPurge { get; init; }

    public override bool IsComplete() => UrlPurge is not null;

    /// <summary>The URL purge quota of <paramref name="area"/> (<c>overseas</c> or <c>mainland</c>), when reported.</summary>
    public PurgeQuota? UrlQuotaFor(string area) => For(UrlPurge, area);

    /// <summary>The directory purge quota of <paramref name="area"/>, when reported.</summary>
    public PurgeQuota? PathQuotaFor(string area) => For(PathPurge, area);

    private static PurgeQuota? For(IReadOnlyList<PurgeQuota>? quotas, string area) =>
        quotas?.FirstOrDefault(q => string.Equals(q.Area, area, StringComparison.OrdinalIgnoreCase));
}
