using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>
/// EdgeOne's <c>DescribePurgeTasks</c>: one <c>Tasks</c> entry per target of the zone's jobs created between
/// <c>StartTime</c> and <c>EndTime</c> (ISO 8601), narrowed by a <c>job-id</c> filter, paged with <c>Offset</c>/<c>Limit</c>.
/// A target marked failed ends <c>failed</c> with <c>FailType</c> <c>taskFailed</c>.
/// </summary>
internal static class EdgeOnePurgeTasksAction
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 1000;

    public static readonly string[] Parameters = { "ZoneId", "StartTime", "EndTime", "Offset", "Limit", "Filters" };

    public static ApiOutcome Handle(JsonElement body, FakeApiState state)
    {
        DateTimeOffset? start = Time(body, "StartTime");
        DateTimeOffset? end = Time(body, "EndTime");
        if (start is null || end is null)
        {
            return EdgeOneActions.ParamError("`StartTime` and `EndTime` (ISO 8601) are required by this fake.");
        }

        string[]? jobIds = null;
        if (body.TryGetProperty("Filters", out JsonElement filters))
        {
            foreach (JsonElement filter in filters.EnumerateArray())
            {
                string? name = filter.TryGetProperty("Name", out JsonElement n) ? n.GetString() : null;
                if (name != "job-id")
                {
                    return ResponseBodies.V3Error("UnsupportedOperation", $"This fake filters DescribePurgeTasks by `job-id` only, not `{name}`.");
                }

                jobIds = filter.GetProperty("Values").EnumerateArray().Select(v => v.GetString()!).ToArray();
            }
        }

        int offset = body.TryGetProperty("Offset", out JsonElement o) ? o.GetInt32() : 0;
        int limit = body.TryGetProperty("Limit", out JsonElement l) ? l.GetInt32() : DefaultLimit;
        if (offset < 0 || limit < 1 || limit > MaxLimit)
        {
            return EdgeOneActions.ParamError($"`Offset` must be 0 or more and `Limit` 1 to {MaxLimit}.");
        }

        var entries = state.Tasks
            .Matching(t => t.Area == state.Options.ZoneId && t.CreatedAt >= start && t.CreatedAt <= end && (jobIds is null || jobIds.Contains(t.Id)))
            .SelectMany(t => t.Entries.Select(e => (Task: t, Entry: e)))
            .ToList();

        var tasks = new JsonArray();
        foreach (var (task, entry) in entries.Skip(offset).Take(Math.Min(limit, state.Options.PurgeTasksPageCap)))
        {
            string status = state.Tasks.Report(task, entry) switch
            {
                PurgeTaskStore.Process => "processing",
                PurgeTaskStore.Fail => "failed",
                _ => "success",
            };
            tasks.Add(new JsonObject
            {
                ["JobId"] = task.Id,
                ["Target"] = entry.Url,
                ["Type"] = task.PurgeType,
                ["Method"] = task.FlushType,
                ["Status"] = status,
                ["CreateTime"] = Iso(task.CreatedAt),
                ["UpdateTime"] = Iso(task.CreatedAt),
                ["FailType"] = status == "failed" ? "taskFailed" : "",
                ["FailMessage"] = status == "failed" ? "The origin could not be reached." : "",
            });
        }

        return ResponseBodies.V3Success(new JsonObject { ["TotalCount"] = entries.Count, ["Tasks"] = tasks });
    }

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(JsonElement body, string name) =>
        body.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time)
            ? time
            : null;
}
