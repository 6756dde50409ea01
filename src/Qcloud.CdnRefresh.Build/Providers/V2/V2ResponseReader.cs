using System.Globalization;
using System.Text.Json;
using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.V2;

/// <summary>
/// Reads an API 2.0 answer, <c>{"code":0,"message":"","codeDesc":"Success","data":{…}}</c>, field by field: its PHP
/// origins send numbers as strings and back, an empty <c>data</c> as <c>[]</c> or not at all. The two refresh logs code
/// their status differently: overseas 1 = running, 2 = done, -1 = failed; mainland 1 = done, 0 = running, below 0 = failed.
/// </summary>
internal static class V2ResponseReader
{
    /// <summary>
    /// Reads any v2 answer: a non-zero <c>code</c> becomes a classified failure, a success is handed to
    /// <paramref name="readData"/> with its <c>data</c> (null when absent), which returns null for a shape it cannot use.
    /// </summary>
    public static ApiCallResult<T> Read<T>(int httpStatus, byte[] body, Func<JsonElement?, T?> readData)
        where T : class
    {
        using var document = JsonBody.TryParse(body);
        var root = document?.RootElement;
        if (JsonBody.Integer(JsonBody.Property(root, "code")) is not { } code || code < int.MinValue || code > int.MaxValue)
        {
            return ApiCallResult<T>.Failed(ApiFailure.UnexpectedResponse(httpStatus, body, document is null ? null : "no numeric code"));
        }

        if (code != 0)
        {
            // A Tencent error body wins over the HTTP status: its code says more than "400" or "503".
            var message = JsonBody.Text(JsonBody.Property(root, "message")) ?? string.Empty;
            var codeDesc = JsonBody.Text(JsonBody.Property(root, "codeDesc"));
            return ApiCallResult<T>.Failed(V2ErrorCodes.ToFailure((int)code, message, codeDesc, httpStatus));
        }

        var succeeded = httpStatus is >= 200 and <= 299;
        if (succeeded && readData(JsonBody.Property(root, "data")) is { } value)
        {
            return ApiCallResult<T>.Success(value);
        }

        var reason = succeeded ? "unexpected data" : "code 0 although the HTTP status is not a success";
        return ApiCallResult<T>.Failed(ApiFailure.UnexpectedResponse(httpStatus, body, reason));
    }

    /// <summary><c>GetCdnOverseaRefreshLog</c>: <c>logs[] {id, url, datetime, status}</c>, one entry per URL or directory.</summary>
    public static IReadOnlyList<UrlRefreshStatus>? ReadOverseas(JsonElement? data) =>
        Read(data, log => JsonBody.Text(JsonBody.Property(log, "url")) is { } url ? new[] { url } : null, status => status switch
        {
            2 => RefreshStatus.Done,
            1 => RefreshStatus.Running,
            -1 => RefreshStatus.Failed,
            _ => RefreshStatus.Unknown,
        });

    /// <summary><c>GetCdnRefreshLog</c>: <c>logs[] {id, url_list[], datetime, status}</c>, one entry per task.</summary>
    public static IReadOnlyList<UrlRefreshStatus>? ReadMainland(JsonElement? data) =>
        Read(data, UrlList, status => status switch
        {
            1 => RefreshStatus.Done,
            0 => RefreshStatus.Running,
            < 0 => RefreshStatus.Failed,
            _ => RefreshStatus.Unknown,
        });

    /// <param name="data">The answer's <c>data</c>.</param>
    /// <param name="urlsOf">The URLs a log entry is about; null when it has none, which makes the log unreadable.</param>
    /// <param name="statusOf">The log's status code in common terms.</param>
    private static IReadOnlyList<UrlRefreshStatus>? Read(
        JsonElement? data, Func<JsonElement, IEnumerable<string>?> urlsOf, Func<long?, RefreshStatus> statusOf)
    {
        if (LogsOf(data) is not { } logs)
        {
            return null;
        }

        var entries = new List<UrlRefreshStatus>();
        foreach (var log in logs)
        {
            if (urlsOf(log) is not { } urls)
            {
                return null;
            }

            var status = JsonBody.Integer(JsonBody.Property(log, "status"));
            var taskId = JsonBody.Text(JsonBody.Property(log, "id"));
            var loggedAt = BeijingTime.Parse(JsonBody.Text(JsonBody.Property(log, "datetime")));
            entries.AddRange(urls.Select(url =>
                new UrlRefreshStatus(url, statusOf(status), taskId, status?.ToString(CultureInfo.InvariantCulture), loggedAt)));
        }

        return entries;
    }

    /// <summary>The strings and numbers of <c>url_list</c>; null when it is not a list.</summary>
    private static IEnumerable<string>? UrlList(JsonElement log) =>
        JsonBody.Property(log, "url_list") is { ValueKind: JsonValueKind.Array } urls
            ? urls.EnumerateArray().Select(url => JsonBody.Text(url)).OfType<string>().ToList()
            : null;

    // No logs that day may come as a missing data, PHP's [] for an empty object, or an empty logs list.
    private static IEnumerable<JsonElement>? LogsOf(JsonElement? data) => data switch
    {
        null or { ValueKind: JsonValueKind.Null } => [],
        { ValueKind: JsonValueKind.Array } array when array.GetArrayLength() == 0 => [],
        { ValueKind: var kind } => JsonBody.Property(data, "logs") switch
        {
            null or { ValueKind: JsonValueKind.Null } => kind == JsonValueKind.Object ? [] : null,
            { ValueKind: JsonValueKind.Array } logs => logs.EnumerateArray(),
            _ => null,
        },
    };
}
