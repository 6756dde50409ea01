using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.V2;

/// <summary>
/// Reads the <c>data</c> of the v2 refresh logs. The two logs code their status
/// differently: overseas 1 = running, 2 = done, -1 = failed; mainland 1 = done, 0 = running, below 0 = failed.
/// </summary>
internal static class ApiV2RefreshLogReader
{
    /// <summary><c>GetCdnOverseaRefreshLog</c>: <c>logs[] {id, url, datetime, status}</c>, one entry per URL or directory.</summary>
    public static IReadOnlyList<UrlRefreshStatus>? ReadOverseas(JsonElement? data)
    {
        var logs = LogsOf(data);
        if (logs is null)
        {
            return null;
        }

        var entries = new List<UrlRefreshStatus>();
        foreach (var log in logs)
        {
            var url = JsonBody.Text(JsonBody.Property(log, "url"));
            var status = JsonBody.Integer(JsonBody.Property(log, "status"));
            if (url is null)
            {
                return null;
            }

            entries.Add(new UrlRefreshStatus
            {
                Url = url,
                Status = OverseasStatus(status),
                ApiStatus = StatusText(status),
                TaskId = JsonBody.Text(JsonBody.Property(log, "id")),
                LoggedAt = BeijingTime.Parse(JsonBody.Text(JsonBody.Property(log, "datetime"))),
            });
        }

        return entries;
    }

    /// <summary><c>GetCdnRefreshLog</c>: <c>logs[] {id, url_list[], datetime, status}</c>, one entry per task.</summary>
    public static IReadOnlyList<UrlRefreshStatus>? ReadMainland(JsonElement? data)
    {
        var logs = LogsOf(data);
        if (logs is null)
        {
            return null;
        }

        var entries = new List<UrlRefreshStatus>();
        foreach (var log in logs)
        {
            var urls = JsonBody.Property(log, "url_list");
            if (urls?.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var status = JsonBody.Integer(JsonBody.Property(log, "status"));
            var taskId = JsonBody.Text(JsonBody.Property(log, "id"));
            var loggedAt = BeijingTime.Parse(JsonBody.Text(JsonBody.Property(log, "datetime")));
            foreach (var url in urls.Value.EnumerateArray())
            {
                if (JsonBody.Text(url) is { } text)
                {
                    entries.Add(new UrlRefreshStatus
                    {
                        Url = text,
                        Status = MainlandStatus(status),
                        ApiStatus = StatusText(status),
                        TaskId = taskId,
                        LoggedAt = loggedAt,
                    });
                }
            }
        }

        return entries;
    }

    public static RefreshStatus OverseasStatus(long? status) => status switch
    {
        2 => RefreshStatus.Done,
        1 => RefreshStatus.Running,
        -1 => RefreshStatus.Failed,
        _ => RefreshStatus.Unknown,
    };

    public static RefreshStatus MainlandStatus(long? status) => status switch
    {
        null => RefreshStatus.Unknown,
        1 => RefreshStatus.Done,
        0 => RefreshStatus.Running,
        < 0 => RefreshStatus.Failed,
        _ => RefreshStatus.Unknown,
    };

    private static string? StatusText(long? status) => status?.ToString(CultureInfo.InvariantCulture);

    // No logs that day may come as a missing data, PHP's [] for an empty object, or an empty logs list.
    private static IEnumerable<JsonElement>? LogsOf(JsonElement? data)
    {
        if (data is null || data.Value.ValueKind == JsonValueKind.Null
            || (data.Value.ValueKind == JsonValueKind.Array && data.Value.GetArrayLength() == 0))
        {
            return new List<JsonElement>();
        }

        var logs = JsonBody.Property(data.Value, "logs");
        if (logs is null || logs.Value.ValueKind == JsonValueKind.Null)
        {
            return data.Value.ValueKind == JsonValueKind.Object ? new List<JsonElement>() : null;
        }

        return logs.Value.ValueKind == JsonValueKind.Array ? logs.Value.EnumerateArray() : null;
    }
}
