using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.Json;
using System;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>The API 3.0 actions the fake knows, answered after <see cref="V3Verifier"/> passed.</summary>
internal static class V3Actions
{
    internal static readonly string[] Areas = { "mainland", "overseas" };

    public static ApiOutcome Handle(IncomingRequest request, FakeApiState state)
    {
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(request.Body.Length == 0 ? "{}"u8.ToArray() : request.Body);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return ResponseBodies.V3Error("InvalidParameter", "The request body is not valid JSON.");
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return ResponseBodies.V3Error("InvalidParameter", "The request body must be a JSON object.");
        }

        return request.Action switch
        {
            "PurgeUrlsCache" => Unknown(body, "Urls", "Area", "UrlEncode") ?? PurgeUrlsCache(body, state),
            "PurgePathCache" => Unknown(body, "Paths", "FlushType", "Area", "UrlEncode") ?? V3DirectoryActions.PurgePathCache(body, state),
            "DescribePurgeQuota" => Unknown(body) ?? DescribePurgeQuota(state),
            "DescribePurgeTasks" => Unknown(body, V3PurgeTasksAction.Parameters) ?? V3PurgeTasksAction.Handle(body, state),
            _ => ResponseBodies.V3Error("InvalidAction", $"The requested action `{request.Action}` does not exist."),
        };
    }

    /// <summary>API 3.0 refuses parameters it does not know, which catches misspelt fields such as <c>urls</c>.</summary>
    internal static ApiOutcome? Unknown(JsonElement body, params string[] known)
    {
        foreach (JsonProperty property in body.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                return ResponseBodies.V3Error("UnknownParameter", $"The parameter `{property.Name}` is not recognized.");
            }
        }

        return null;
    }

    private static ApiOutcome PurgeUrlsCache(JsonElement body, FakeApiState state)
    {
        if (!body.TryGetProperty("Urls", out JsonElement list))
        {
            return ResponseBodies.V3Error("MissingParameter", "The request is missing a required parameter `Urls`.");
        }

        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0
            || list.EnumerateArray().Any(u => u.ValueKind != JsonValueKind.String))
        {
            return ParamError("`Urls` must be a non-empty array of strings.");
        }

        if (AreaAndEncoding(body, state, out string area) is { } invalid)
        {
            return invalid;
        }

        var urls = list.EnumerateArray().Select(u => u.GetString()!).ToList();
        if (urls.Count > state.Options.BatchLimit)
        {
            return ResponseBodies.V3Error(
                "LimitExceeded.CdnPurgeUrlExceedBatchLimit",
                $"{urls.Count} URLs submitted; at most {state.Options.BatchLimit} URLs can be purged per request.");
        }

        foreach (string url in urls)
        {
            if (!UrlRules.IsHttpUrl(url, out Uri? uri))
            {
                return ParamError($"Invalid URL `{url}`: URLs must start with http:// or https://.");
            }

            if (!state.IsKnownHost(uri.Host))
            {
                return ResponseBodies.V3Error("ResourceNotFound.CdnHostNotExists", $"The domain `{uri.Host}` does not exist in this account.");
            }
        }

        if (!state.Ledger.TryCharge(area, urls.Count, out int available))
        {
            return ResponseBodies.V3Error(
                "LimitExceeded.CdnPurgeUrlExceedDayLimit",
                $"Daily URL purge quota exceeded in area `{area}`: {urls.Count} submitted, {available} left today.");
        }

        string taskId = state.NewV3TaskId();
        state.Tasks.Add(taskId, area, "url", "flush", urls, state.Now);
        return ResponseBodies.V3Success(new JsonObject { ["TaskId"] = taskId }, taskId);
    }

    /// <summary>The <c>Area</c> asked for (the default one when absent), and a check of <c>UrlEncode</c>; an error when either is wrong.</summary>
    internal static ApiOutcome? AreaAndEncoding(JsonElement body, FakeApiState state, out string area)
    {
        area = state.Options.DefaultArea;
        if (body.TryGetProperty("Area", out JsonElement areaElement))
        {
            if (areaElement.ValueKind != JsonValueKind.String || !Areas.Contains(areaElement.GetString()))
            {
                return ParamError($"`Area` must be `mainland` or `overseas`, not {areaElement.GetRawText()}.");
            }

            area = areaElement.GetString()!;
        }

        if (body.TryGetProperty("UrlEncode", out JsonElement encode)
            && encode.ValueKind != JsonValueKind.True && encode.ValueKind != JsonValueKind.False)
        {
            return ResponseBodies.V3Error("InvalidParameterValue", "`UrlEncode` must be a boolean.");
        }

        return null;
    }

    private static ApiOutcome DescribePurgeQuota(FakeApiState state)
    {
        JsonArray Quotas(int batch, int total, Func<string, int> available) =>
            new(Areas.Select(area => (JsonNode)new JsonObject
            {
                ["Batch"] = batch,
                ["Total"] = total,
                ["Available"] = available(area),
                ["Area"] = area,
            }).ToArray());

        return ResponseBodies.V3Success(new JsonObject
        {
            ["UrlPurge"] = Quotas(state.Options.BatchLimit, state.Ledger.DailyQuota, state.Ledger.Available),
            ["PathPurge"] = Quotas(state.Options.PathBatchLimit, state.PathLedger.DailyQuota, state.PathLedger.Available),
        });
    }

    internal static ApiOutcome ParamError(string message) => ResponseBodies.V3Error("InvalidParameter.CdnParamError", message);
}
