using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>API 3.0 <c>PurgePathCache</c>: directories with their protocol, a per-request limit and a daily quota per area.</summary>
internal static class V3DirectoryActions
{
    private static readonly string[] FlushTypes = { "flush", "delete" };

    public static ApiOutcome PurgePathCache(JsonElement body, FakeApiState state)
    {
        if (!body.TryGetProperty("Paths", out JsonElement list))
        {
            return ResponseBodies.V3Error("MissingParameter", "The request is missing a required parameter `Paths`.");
        }

        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0
            || list.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String))
        {
            return V3Actions.ParamError("`Paths` must be a non-empty array of strings.");
        }

        if (!body.TryGetProperty("FlushType", out JsonElement flushElement))
        {
            return ResponseBodies.V3Error("MissingParameter", "The request is missing a required parameter `FlushType`.");
        }

        string? flushType = flushElement.ValueKind == JsonValueKind.String ? flushElement.GetString() : null;
        if (flushType is null || !FlushTypes.Contains(flushType))
        {
            return V3Actions.ParamError($"`FlushType` must be `flush` or `delete`, not {flushElement.GetRawText()}.");
        }

        if (V3Actions.AreaAndEncoding(body, state, out string area) is { } invalid)
        {
            return invalid;
        }

        var paths = list.EnumerateArray().Select(p => p.GetString()!).ToList();
        if (paths.Count > state.Options.PathBatchLimit)
        {
            return ResponseBodies.V3Error(
                "LimitExceeded.CdnPurgePathExceedBatchLimit",
                $"{paths.Count} paths submitted; at most {state.Options.PathBatchLimit} paths can be purged per request.");
        }

        // Tencent requires the protocol; a trailing slash is accepted either way and the path is recorded as given.
        foreach (string path in paths)
        {
            if (!UrlRules.IsHttpUrl(path, out Uri? uri))
            {
                return V3Actions.ParamError($"Invalid path `{path}`: paths must start with http:// or https://.");
            }

            if (!state.IsKnownHost(uri.Host))
            {
                return ResponseBodies.V3Error("ResourceNotFound.CdnHostNotExists", $"The domain `{uri.Host}` does not exist in this account.");
            }
        }

        if (!state.PathLedger.TryCharge(area, paths.Count, out int available))
        {
            return ResponseBodies.V3Error(
                "LimitExceeded.CdnPurgePathExceedDayLimit",
                $"Daily path purge quota exceeded in area `{area}`: {paths.Count} submitted, {available} left today.");
        }

        string taskId = state.NewV3TaskId();
        state.Tasks.Add(taskId, area, "path", flushType, paths, state.Now);
        return ResponseBodies.V3Success(new JsonObject { ["TaskId"] = taskId }, taskId);
    }
}
