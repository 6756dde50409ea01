using System;
using System.Text.Json;
using System.Text.RegularExpressions;

using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.V2;

/// <summary>
/// Reads an API 2.0 response: <c>{"code":0,"message":"","codeDesc":"Success","data":{"count":1,"task_id":"…"}}</c>,
/// tolerating a numeric <c>codeDesc</c>, a missing or empty <c>data</c> and a numeric or string <c>task_id</c>.
/// </summary>
internal static class ApiV2ResponseReader
{
    // "(9110)没有这个域名的信息 cdn no such host": the module code leads the message in parentheses.
    private static readonly Regex ModuleCodePattern = new(@"^\s*[(（]\s*(\d+)\s*[)）]", RegexOptions.CultureInvariant);

    /// <summary>The module code a v2 <c>message</c> starts with, e.g. <c>9110</c>; null when there is none.</summary>
    public static string? ModuleCodeOf(string? message)
    {
        var match = message is null ? null : ModuleCodePattern.Match(message);
        return match is { Success: true } ? match.Groups[1].Value : null;
    }

    /// <summary>Reads a response to a batch of <paramref name="batchSize"/> URLs or directories.</summary>
    public static ApiCallResult<BatchOutcome> Read(int httpStatus, byte[] body, int batchSize) =>
        Read(httpStatus, body, data =>
        {
            // PHP encodes an empty data as [], and error-free answers may omit it: then the whole batch counts.
            var count = data?.ValueKind == JsonValueKind.Object ? JsonBody.Integer(JsonBody.Property(data.Value, "count")) : null;
            var taskId = data?.ValueKind == JsonValueKind.Object ? JsonBody.Text(JsonBody.Property(data.Value, "task_id")) : null;
            var accepted = count is null || count < 0 || count > int.MaxValue ? batchSize : (int)count.Value;
            return BatchOutcome.Accepted(accepted, taskId, null, 0);
        });

    /// <summary>
    /// Reads any v2 response: a non-zero <c>code</c> becomes a classified failure, a success is handed to
    /// <paramref name="readData"/> with its <c>data</c> (null when absent), which returns null for a shape it cannot use.
    /// </summary>
    public static ApiCallResult<T> Read<T>(int httpStatus, byte[] body, Func<JsonElement?, T?> readData)
        where T : class
    {
        using var document = JsonBody.TryParse(body);
        if (document is null)
        {
            return ApiCallResult<T>.Failed(ApiErrorClassifier.UnexpectedResponse(httpStatus, body));
        }

        var root = document.RootElement;
        var code = JsonBody.Integer(JsonBody.Property(root, "code"));
        if (code is null || code < int.MinValue || code > int.MaxValue)
        {
            return ApiCallResult<T>.Failed(ApiErrorClassifier.UnexpectedResponse(httpStatus, body, "no numeric code"));
        }

        var message = JsonBody.Text(JsonBody.Property(root, "message")) ?? string.Empty;
        var codeDesc = JsonBody.Text(JsonBody.Property(root, "codeDesc"));
        if (code != 0)
        {
            // A Tencent error body wins over the HTTP status: its code says more than "400" or "503".
            // "(4000)请求失败…" leads with the public code itself: that is no module code, and "4000 (4000)" says nothing more.
            var leading = ModuleCodeOf(message);
            var moduleCode = (leading == code.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) ? null : leading)
                ?? NumericCodeDesc(codeDesc, (int)code.Value);
            return ApiCallResult<T>.Failed(V2ErrorCodes.ToFailure((int)code.Value, moduleCode, message, codeDesc, httpStatus));
        }

        if (httpStatus < 200 || httpStatus > 299)
        {
            return ApiCallResult<T>.Failed(ApiErrorClassifier.UnexpectedResponse(httpStatus, body, "code 0 although the HTTP status is not a success"));
        }

        var value = readData(JsonBody.Property(root, "data"));
        return value is null
            ? ApiCallResult<T>.Failed(ApiErrorClassifier.UnexpectedResponse(httpStatus, body, "unexpected data"))
            : ApiCallResult<T>.Success(value);
    }

    // Some answers carry the module code only in codeDesc ("codeDesc": 9110).
    private static string? NumericCodeDesc(string? codeDesc, int code)
    {
        if (string.IsNullOrEmpty(codeDesc) || codeDesc == code.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return null;
        }

        foreach (var c in codeDesc!)
        {
            if (c < '0' || c > '9')
            {
                return null;
            }
        }

        return codeDesc;
    }
}
