using System.Collections.Generic;
using System.Text.Json;

using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>Reads a <c>DescribePurgeTasks</c> response: <c>PurgeLogs[] {TaskId, Url, Status, CreateTime, …}</c> and <c>TotalCount</c>.</summary>
internal static class ApiV3PurgeTaskReader
{
    /// <summary>The page, or null when the response lacks <c>PurgeLogs</c> or an entry lacks its <c>Url</c>.</summary>
    public static PurgeTasksPage? Read(JsonElement response)
    {
        var logs = JsonBody.Property(response, "PurgeLogs");
        if (logs?.ValueKind != JsonValueKind.Array)
        {
            // Tencent omits an empty list as null in some answers; only a TotalCount of 0 makes that an empty page.
            return logs is null || logs.Value.ValueKind == JsonValueKind.Null
                ? EmptyIfNothingToCome(response)
                : null;
        }

        var entries = new List<UrlRefreshStatus>();
        foreach (var log in logs.Value.EnumerateArray())
        {
            var url = JsonBody.Text(JsonBody.Property(log, "Url"));
            if (url is null)
            {
                return null;
            }

            var status = JsonBody.Text(JsonBody.Property(log, "Status"));
            entries.Add(new UrlRefreshStatus
            {
                Url = url,
                Status = StatusOf(status),
                ApiStatus = status,
                TaskId = JsonBody.Text(JsonBody.Property(log, "TaskId")),
                LoggedAt = BeijingTime.Parse(JsonBody.Text(JsonBody.Property(log, "CreateTime"))),
            });
        }

        // Without a TotalCount, what came is taken as all there is.
        var total = JsonBody.Integer(JsonBody.Property(response, "TotalCount")) ?? entries.Count;
        return new PurgeTasksPage { Entries = entries, TotalCount = total };
    }

    public static RefreshStatus StatusOf(string? status) => status switch
    {
        "done" => RefreshStatus.Done,
        "process" => RefreshStatus.Running,
        "fail" => RefreshStatus.Failed,
        _ => RefreshStatus.Unknown,
    };

    private static PurgeTasksPage? EmptyIfNothingToCome(JsonElement response) =>
        JsonBody.Integer(JsonBody.Property(response, "TotalCount")) is null or 0
            ? new PurgeTasksPage { Entries = new List<UrlRefreshStatus>(), TotalCount = 0 }
            : null;
}
