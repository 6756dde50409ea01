namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>The usage file's version alone, read before anything else: a newer format may mean something else by the rest.</summary>
internal sealed class DailyUsageVersionJson
{
    public int? Version { get; set; }
}
