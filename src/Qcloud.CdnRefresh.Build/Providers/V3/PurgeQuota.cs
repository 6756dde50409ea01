namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>One area's purge quota, as <c>DescribePurgeQuota</c> reports it.</summary>
internal sealed record PurgeQuota
{
    /// <summary><c>mainland</c> or <c>overseas</c>.</summary>
    public required string Area { get; init; }

    /// <summary>Most entries one request may carry.</summary>
    public required long Batch { get; init; }

    /// <summary>Entries allowed per day.</summary>
    public required long Total { get; init; }

    /// <summary>Entries still allowed today.</summary>
    public required long Available { get; init; }
}
