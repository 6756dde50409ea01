namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>What today's quota leaves for one kind of refresh (URLs or directories).</summary>
/// <param name="Available">Entries left today (may be negative when more was used than allowed).</param>
/// <param name="Batch">Entries a request.</param>
/// <param name="Source">Where <paramref name="Available"/> comes from, for messages.</param>
/// <param name="DailyQuotaBinds">Whether raising <c>CdnRefreshDailyQuota</c> would leave more.</param>
internal sealed record Allowance(long Available, int Batch, string Source, bool DailyQuotaBinds);
