using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>
/// The API 2.0 refresh logs, which code status differently: overseas 1 = running,
/// 2 = done, -1 = failed, one entry per URL; mainland 0 = running, 1 = done, -1 = failed, one entry per task.
/// </summary>
internal static class V2LogActions
{
    private const long AppId = 1250000000;

    /// <summary><c>GetCdnOverseaRefreshLog</c>: <c>date</c> (yyyyMMdd, Beijing day) required, <c>url</c> and <c>host</c> optional.</summary>
    public static ApiOutcome OverseasLog(IncomingRequest request, FakeApiState state)
    {
        if (!request.Parameters.TryGetValue("date", out string? date) || date.Length == 0)
        {
            return ResponseBodies.V2Error(4000, "(4000)请求失败，缺少参数:[date]", "MissingParameter");
        }

        if (!DateTime.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return InvalidParameter("date");
        }

        request.Parameters.TryGetValue("url", out string? url);
        request.Parameters.TryGetValue("host", out string? host);
        var logs = new JsonArray();
        foreach (FakePurgeTask task in state.Tasks.Matching(t => t.Area == "overseas" && PurgeTaskStore.BeijingDate(t.CreatedAt) == date))
        {
            foreach (FakePurgeEntry entry in task.Entries.Where(e => Matches(e.Url, url, host)))
            {
                logs.Add(new JsonObject
                {
                    ["id"] = entry.LogId,
                    ["app_id"] = AppId,
                    ["project_id"] = 0,
                    ["host"] = HostOf(entry.Url),
                    ["url"] = entry.Url,
                    ["datetime"] = PurgeTaskStore.BeijingText(task.CreatedAt),
                    ["status"] = OverseasCode(state.Tasks.Report(task, entry)),
                });
            }
        }

        return ResponseBodies.V2Success(new JsonObject { ["logs"] = logs, ["total"] = logs.Count });
    }

    /// <summary><c>GetCdnRefreshLog</c>: <c>taskId</c>, or <c>startDate</c> and <c>endDate</c> (Beijing time); <c>url</c> and <c>host</c> optional.</summary>
    public static ApiOutcome MainlandLog(IncomingRequest request, FakeApiState state)
    {
        request.Parameters.TryGetValue("taskId", out string? taskId);
        request.Parameters.TryGetValue("startDate", out string? startText);
        request.Parameters.TryGetValue("endDate", out string? endText);
        DateTimeOffset? start = PurgeTaskStore.ParseBeijing(startText);
        DateTimeOffset? end = PurgeTaskStore.ParseBeijing(endText);
        if (string.IsNullOrEmpty(taskId) && (start is null || end is null))
        {
            return InvalidParameter(startText is null ? "taskId" : "startDate");
        }

        request.Parameters.TryGetValue("url", out string? url);
        request.Parameters.TryGetValue("host", out string? host);
        var logs = new JsonArray();
        IReadOnlyList<FakePurgeTask> tasks = state.Tasks.Matching(t => t.Area == "mainland"
            && (string.IsNullOrEmpty(taskId) ? t.CreatedAt >= start && t.CreatedAt <= end : t.Id == taskId)
            && t.Entries.Any(e => Matches(e.Url, url, host)));
        foreach (FakePurgeTask task in tasks)
        {
            // One status per task: failed if any entry failed, running if any still runs.
            var statuses = task.Entries.Select(e => state.Tasks.Report(task, e)).ToList();
            logs.Add(new JsonObject
            {
                ["id"] = task.Id,
                ["app_id"] = AppId,
                ["project_id"] = 0,
                ["host"] = HostOf(task.Entries[0].Url),
                ["type"] = task.PurgeType == "path" ? 1 : 0,
                ["status"] = statuses.Contains(PurgeTaskStore.Fail) ? -1 : statuses.Contains(PurgeTaskStore.Process) ? 0 : 1,
                ["url_list"] = new JsonArray(task.Entries.Select(e => (JsonNode)JsonValue.Create(e.Url)).ToArray()),
                ["datetime"] = PurgeTaskStore.BeijingText(task.CreatedAt),
            });
        }

        return ResponseBodies.V2Success(new JsonObject { ["logs"] = logs, ["total"] = logs.Count });
    }

    private static int OverseasCode(string status) => status switch
    {
        PurgeTaskStore.Process => 1,
        PurgeTaskStore.Fail => -1,
        _ => 2,
    };

    private static bool Matches(string entryUrl, string? url, string? host) =>
        (string.IsNullOrEmpty(url) || entryUrl == url)
        && (string.IsNullOrEmpty(host) || string.Equals(HostOf(entryUrl), host, StringComparison.OrdinalIgnoreCase));

    private static string HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) ? uri.Host : "";

    private static ApiOutcome InvalidParameter(string name) =>
        ResponseBodies.V2Error(4000, $"(4000)请求失败，参数错误:[{name}]", "InvalidParameter");
}
