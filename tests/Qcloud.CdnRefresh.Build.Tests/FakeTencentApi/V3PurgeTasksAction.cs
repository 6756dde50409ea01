using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.Json;
using System;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>
/// API 3.0 <c>DescribePurgeTasks</c>: one <c>PurgeLogs</c> entry per URL or path, by <c>TaskId</c> or by
/// <c>StartTime</c>/<c>EndTime</c>, narrowed by <c>PurgeType</c> and <c>Area</c>, paged with <c>Offset</c>/<c>Limit</c>.
/// </summary>
internal static class V3PurgeTasksAction
{
    public const int DefaultLimit = 20;

    public static readonly string[] Parameters =
        { "PurgeType", "StartTime", "EndTime", "TaskId", "Offset", "Limit", "Keyword", "Status", "Area" };

    private static readonly string[] PurgeTypes = { "url", "path" };

    public static ApiOutcome Handle(JsonElement body, FakeApiState state)
    {
        // Accepted by Tencent, but filtering by them is not needed by any test: refuse rather than ignore silently.
        foreach (string unsupported in new[] { "Keyword", "Status" })
        {
            if (body.TryGetProperty(unsupported, out _))
            {
                return ResponseBodies.V3Error("UnsupportedOperation", $"This fake does not filter DescribePurgeTasks by `{unsupported}`.");
            }
        }

        string? taskId = Text(body, "TaskId");
        DateTimeOffset? start = PurgeTaskStore.ParseBeijing(Text(body, "StartTime"));
        DateTimeOffset? end = PurgeTaskStore.ParseBeijing(Text(body, "EndTime"));
        if (taskId is null && (start is null || end is null))
        {
            return V3Actions.ParamError("Either `TaskId` or both `StartTime` and `EndTime` (yyyy-MM-dd HH:mm:ss) are required.");
        }

        string? purgeType = Text(body, "PurgeType");
        if (purgeType is not null && !PurgeTypes.Contains(purgeType))
        {
            return V3Actions.ParamError($"`PurgeType` must be `url` or `path`, not `{purgeType}`.");
        }

        string? area = Text(body, "Area");
        if (area is not null && area != "global" && !V3Actions.Areas.Contains(area))
        {
            return V3Actions.ParamError($"`Area` must be `mainland`, `overseas` or `global`, not `{area}`.");
        }

        int? offset = Integer(body, "Offset", 0);
        int? limit = Integer(body, "Limit", DefaultLimit);
        if (offset is null or < 0 || limit is null or < 1)
        {
            return ResponseBodies.V3Error("InvalidParameterValue", "`Offset` must be 0 or more and `Limit` 1 or more.");
        }

        var entries = state.Tasks
            .Matching(t => (taskId is null ? t.CreatedAt >= start && t.CreatedAt <= end : t.Id == taskId)
                && (purgeType is null || t.PurgeType == purgeType)
                && (area is null || area == "global" || t.Area == area))
            .SelectMany(t => t.Entries.Select(e => (Task: t, Entry: e)))
            .ToList();

        var logs = new JsonArray();
        foreach (var (task, entry) in entries.Skip(offset.Value).Take(Math.Min(limit.Value, state.Options.PurgeTasksPageCap)))
        {
            logs.Add(new JsonObject
            {
                ["TaskId"] = task.Id,
                ["Url"] = entry.Url,
                ["Status"] = state.Tasks.Report(task, entry),
                ["PurgeType"] = task.PurgeType,
                ["FlushType"] = task.FlushType,
                ["CreateTime"] = PurgeTaskStore.BeijingText(task.CreatedAt),
            });
        }

        return ResponseBodies.V3Success(new JsonObject { ["PurgeLogs"] = logs, ["TotalCount"] = entries.Count });
    }

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The integer, <paramref name="fallback"/> when absent, null when present but not an integer.</summary>
    private static int? Integer(JsonElement body, string name, int fallback) =>
        !body.TryGetProperty(name, out JsonElement value) ? fallback
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) ? number
        : null;
}
