using System.Text.Json.Serialization;

namespace Qcloud.CdnRefresh.Build.Providers.EdgeOne;

/// <summary>
/// The JSON bodies EdgeOne is sent, their fields in the order written here: the body is signed as sent. <c>Method</c>
/// applies to prefix purges only, so a URL purge leaves it out; <c>invalidate</c> marks what is cached as stale and
/// revalidates it, so only what changed is fetched again.
/// </summary>
internal static class EdgeOneRequests
{
    internal sealed record CreatePurgeTask(
        string ZoneId,
        string Type,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Method,
        IReadOnlyList<string> Targets);

    internal sealed record DescribeContentQuota(string ZoneId);

    /// <summary><c>StartTime</c> and <c>EndTime</c> are ISO 8601 in UTC.</summary>
    internal sealed record DescribePurgeTasks(
        string ZoneId, string StartTime, string EndTime, int Offset, int Limit, IReadOnlyList<AdvancedFilter> Filters);

    internal sealed record AdvancedFilter(string Name, IReadOnlyList<string> Values);
}
