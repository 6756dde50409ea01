namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>
/// The usage file: <c>{"version":1,"days":[{"day":"2026-11-30","area":"overseas","urls":120,"directories":3}]}</c>.
/// </summary>
internal sealed class DailyUsageJson
{
    public const int CurrentVersion = 1;

    public int? Version { get; set; }

    public List<DailyUsageDayJson?>? Days { get; set; }
}
