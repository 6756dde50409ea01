using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.V2;

/// <summary>
/// Reads an API 2.0 answer, <c>{"code":0,"message":"","codeDesc":"Success","data":{…}}</c>, field by field: its PHP
/// origins send numbers as strings and back, an empty <c>data</c> as <c>[]</c> or not at all.
/// </summary>
internal static class V2ResponseReader
{
    // "(9110)没有这个域名的信息 cdn no such host": the module code leads the message in parentheses.
    private static readonly Regex ModuleCodePattern = new(@"^\s*[(（]\s*(\d+)\s*[)）]", RegexOptions.CultureInvariant);

    /// <summary>The module code a v2 <c>message</c> starts with, e.g. <c>9110</c>; null when there is none.</summary>
    public static string? ModuleCodeOf(string message)
    {
        var match = ModuleCodePattern.Match(message);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The answer to a batch of URLs or directories, with its <c>data.task_id</c> when there is one.</summary>
    public static ApiCallResult<BatchOutcome> ReadBatch(int httpStatus, byte[] body) =>
        Read(httpStatus, body, data => BatchOutcome.Accepted(JsonBody.Text(JsonBody.Property(data, "task_id"))));

    /// <summary>
    /// Reads any v2 answer: a non-zero <c>code</c> becomes a classified failure, a success is handed to
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

        if (code != 0)
        {
            // A Tencent error body wins over the HTTP status: its code says more than "400" or "503".
            var message = JsonBody.Text(JsonBody.Property(root, "message")) ?? string.Empty;
            var codeDesc = JsonBody.Text(JsonBody.Property(root, "codeDesc"));
            var moduleCode = ModuleCode(message, codeDesc, code.Value.ToString(CultureInfo.InvariantCulture));
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

    /// <summary>
    /// The module code at the start of the message, else a numeric <c>codeDesc</c> (<c>"codeDesc": 9110</c>). Neither
    /// counts when it is the public code itself: "(4000)请求失败…" says nothing more than 4000.
    /// </summary>
    private static string? ModuleCode(string message, string? codeDesc, string code)
    {
        var leading = ModuleCodeOf(message);
        if (leading is not null && leading != code)
        {
            return leading;
        }

        return !string.IsNullOrEmpty(codeDesc) && codeDesc != code && codeDesc!.All(c => c >= '0' && c <= '9') ? codeDesc : null;
    }
}
