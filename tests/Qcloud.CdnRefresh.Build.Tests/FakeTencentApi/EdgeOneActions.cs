using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>
/// EdgeOne's purge actions, answered after <see cref="V3Verifier"/> passed for service <c>teo</c>: every request names
/// the account's one zone; <c>CreatePurgeTask</c> accepts <c>purge_url</c> and <c>purge_prefix</c> targets, lists in
/// <c>FailedList</c> those it was told to reject and those on hosts the account does not have, and charges the accepted
/// ones to the zone's quota, which <c>DescribeContentQuota</c> reports.
/// </summary>
internal static class EdgeOneActions
{
    public const string Version = "2022-09-01";
    public const string Service = "teo";
    public const string PurgeUrl = "purge_url";
    public const string PurgePrefix = "purge_prefix";

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
            return ParamError("The request body is not valid JSON.");
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return ParamError("The request body must be a JSON object.");
        }

        ApiOutcome? invalid = request.Action switch
        {
            "CreatePurgeTask" => V3Actions.Unknown(body, "ZoneId", "Type", "Method", "Targets", "EncodeUrl", "CacheTag"),
            "DescribeContentQuota" => V3Actions.Unknown(body, "ZoneId"),
            "DescribePurgeTasks" => V3Actions.Unknown(body, EdgeOnePurgeTasksAction.Parameters),
            _ => ResponseBodies.V3Error("InvalidAction", $"The requested action `{request.Action}` does not exist."),
        };
        return invalid ?? Zone(body, state) ?? request.Action switch
        {
            "CreatePurgeTask" => CreatePurgeTask(body, state),
            "DescribeContentQuota" => DescribeContentQuota(state),
            _ => EdgeOnePurgeTasksAction.Handle(body, state),
        };
    }

    internal static ApiOutcome ParamError(string message) => ResponseBodies.V3Error("InvalidParameter.ParameterError", message);

    /// <summary>The zone's own daily allowance: its id is the ledger's area.</summary>
    private static string Area(FakeApiState state) => state.Options.ZoneId;

    private static ApiOutcome? Zone(JsonElement body, FakeApiState state)
    {
        if (!body.TryGetProperty("ZoneId", out JsonElement zone) || zone.ValueKind != JsonValueKind.String)
        {
            return ResponseBodies.V3Error("MissingParameter", "The request is missing a required parameter `ZoneId`.");
        }

        return zone.GetString() == state.Options.ZoneId
            ? null
            : ResponseBodies.V3Error("ResourceNotFound.ZoneNotFound", $"The zone `{zone.GetString()}` does not exist in this account.");
    }

    private static ApiOutcome CreatePurgeTask(JsonElement body, FakeApiState state)
    {
        string? type = body.TryGetProperty("Type", out JsonElement typeElement) && typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString() : null;
        if (type is not (PurgeUrl or PurgePrefix))
        {
            return ParamError($"This fake purges `{PurgeUrl}` and `{PurgePrefix}` only, not {(type is null ? "no Type" : "`" + type + "`")}.");
        }

        string method = "invalidate";
        if (body.TryGetProperty("Method", out JsonElement methodElement))
        {
            if (methodElement.GetString() is not ("invalidate" or "delete"))
            {
                return ParamError("`Method` must be `invalidate` or `delete`.");
            }

            method = methodElement.GetString()!;
        }

        if (!body.TryGetProperty("Targets", out JsonElement list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0
            || list.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
        {
            return ParamError("`Targets` must be a non-empty array of strings.");
        }

        var targets = list.EnumerateArray().Select(t => t.GetString()!).ToList();
        bool prefix = type == PurgePrefix;
        int batch = prefix ? state.Options.PathBatchLimit : state.Options.BatchLimit;
        if (targets.Count > batch)
        {
            return ResponseBodies.V3Error("LimitExceeded.BatchQuota", $"{targets.Count} targets submitted; at most {batch} {type} targets per request.");
        }

        if (targets.FirstOrDefault(t => !UrlRules.IsHttpUrl(t, out _)) is { } bad)
        {
            return ResponseBodies.V3Error("InvalidParameter.Target", $"Invalid target `{bad}`: targets must start with http:// or https://.");
        }

        var failed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var accepted = new List<string>();
        foreach (string target in targets)
        {
            UrlRules.IsHttpUrl(target, out Uri? uri);
            string? reason = state.RejectedTargets.TryGetValue(target, out string? told) ? told
                : state.IsKnownHost(uri!.Host) ? null
                : $"The domain `{uri.Host}` is not in zone `{state.Options.ZoneId}`.";
            if (reason is null)
            {
                accepted.Add(target);
            }
            else
            {
                (failed.TryGetValue(reason, out var same) ? same : failed[reason] = new List<string>()).Add(target);
            }
        }

        PurgeLedger ledger = prefix ? state.PathLedger : state.Ledger;
        if (!ledger.TryCharge(Area(state), accepted.Count, out int available))
        {
            return ResponseBodies.V3Error("LimitExceeded.DailyQuota", $"Daily {type} quota exceeded: {accepted.Count} submitted, {available} left today.");
        }

        string jobId = state.NewV3TaskId();
        state.Tasks.Add(jobId, Area(state), type, method, accepted, state.Now);
        var failedList = new JsonArray(failed.Select(f => (JsonNode)new JsonObject
        {
            ["Reason"] = f.Key,
            ["Targets"] = new JsonArray(f.Value.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
        }).ToArray());
        return ResponseBodies.V3Success(new JsonObject { ["JobId"] = jobId, ["FailedList"] = failedList }, jobId);
    }

    private static ApiOutcome DescribeContentQuota(FakeApiState state)
    {
        JsonObject Quota(string type, int batch, int daily, int available) => new()
        {
            ["Type"] = type,
            ["Batch"] = batch,
            ["Daily"] = daily,
            ["DailyAvailable"] = available,
        };

        return ResponseBodies.V3Success(new JsonObject
        {
            ["PurgeQuota"] = new JsonArray(
                Quota("purge_host", 20, 100, 100),
                Quota(PurgeUrl, state.Options.BatchLimit, state.Ledger.DailyQuota, state.Ledger.Available(Area(state))),
                Quota(PurgePrefix, state.Options.PathBatchLimit, state.PathLedger.DailyQuota, state.PathLedger.Available(Area(state)))),
            ["PrefetchQuota"] = new JsonArray(Quota("prefetch_url", 100, 1000, 1000)),
        });
    }
}
