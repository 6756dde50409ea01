using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>What one area accepted on one Beijing day: one element of the usage file's <c>days</c> array.</summary>
internal sealed record DailyUsageEntry(DateTime Day, string Area, long Urls, long Directories)
{
    public long Of(RefreshTarget kind) => kind == RefreshTarget.Directories ? Directories : Urls;

    public DailyUsageEntry Plus(RefreshTarget kind, long count) =>
        kind == RefreshTarget.Directories ? this with { Directories = Directories + count } : this with { Urls = Urls + count };
}
