using System;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>The JSON shapes Tencent answers with; all business errors are HTTP 200.</summary>
internal static class ResponseBodies
{
    // Chinese messages stay readable in test output; any JSON parser accepts them either way.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string NewRequestId() => Guid.NewGuid().ToString();

    public static ApiOutcome V3Success(JsonObject response, string? taskId = null)
    {
        response["RequestId"] = NewRequestId();
        return new ApiOutcome { Body = Serialize(new JsonObject { ["Response"] = response }), TaskId = taskId };
    }

    public static ApiOutcome V3Error(string code, string message)
    {
        var body = new JsonObject
        {
            ["Response"] = new JsonObject
            {
                ["Error"] = new JsonObject { ["Code"] = code, ["Message"] = message },
                ["RequestId"] = NewRequestId(),
            },
        };
        return new ApiOutcome { Body = Serialize(body), ApiCode = code, ApiMessage = message };
    }

    public static ApiOutcome V2Error(int code, string message, string codeDesc)
    {
        var body = new JsonObject { ["code"] = code, ["message"] = message, ["codeDesc"] = codeDesc };
        return new ApiOutcome
        {
            Body = Serialize(body),
            ApiCode = code.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ApiMessage = message,
        };
    }

    public static ApiOutcome V2Success(int count, string? taskId)
    {
        var data = new JsonObject { ["count"] = count };
        if (taskId is not null)
        {
            data["task_id"] = taskId;
        }

        return V2Success(data, taskId);
    }

    /// <summary>A v2 success; <paramref name="data"/> null leaves <c>data</c> out, as RefreshCdnDir's documentation shows.</summary>
    public static ApiOutcome V2Success(JsonObject? data, string? taskId = null)
    {
        var body = new JsonObject { ["code"] = 0, ["message"] = "", ["codeDesc"] = "Success" };
        if (data is not null)
        {
            body["data"] = data;
        }

        return new ApiOutcome { Body = Serialize(body), ApiCode = "0", ApiMessage = "", TaskId = taskId };
    }

    public static string Serialize(JsonNode node) => node.ToJsonString(Options);
}
