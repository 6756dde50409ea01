namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>Today's allowances, as a provider reads them from its quota source.</summary>
internal sealed record TodaysQuota(Allowance Urls, Allowance Directories);
