using System;
using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>The API 2.0 refresh actions, answered after <see cref="V2Verifier"/> passed.</summary>
internal static class V2Actions
{
    public static ApiOutcome Handle(IncomingRequest request, FakeApiState state) => request.Action switch
    {
        "RefreshCdnOverSeaUrl" => Refresh(request, state, "overseas", withTaskId: false),
        "RefreshCdnUrl" => Refresh(request, state, "mainland", withTaskId: true),
        "RefreshCdnOverSeaDir" => RefreshDirectories(request, state, "overseas"),
        "RefreshCdnDir" => RefreshDirectories(request, state, "mainland"),
        "GetCdnOverseaRefreshLog" => V2LogActions.OverseasLog(request, state),
        "GetCdnRefreshLog" => V2LogActions.MainlandLog(request, state),
        _ => ResponseBodies.V2Error(4000, $"(4000)请求失败，不支持的接口:[{request.Action}]", "InvalidAction"),
    };

    private static ApiOutcome Refresh(IncomingRequest request, FakeApiState state, string area, bool withTaskId)
    {
        IReadOnlyList<string> urls = request.Urls;
        if (urls.Count == 0)
        {
            return InvalidList("urls");
        }

        if (urls.Count > state.Options.BatchLimit)
        {
            return ResponseBodies.V2Error(4000, "(22043)单次提交刷新URL超出上限", "22043");
        }

        if (CheckHosts(urls, state, "urls") is { } invalid)
        {
            return invalid;
        }

        if (!state.Ledger.TryCharge(area, urls.Count, out _))
        {
            return ResponseBodies.V2Error(4000, "(22044)URL刷新数目超出单日限额", "22044");
        }

        string taskId = state.NewV2TaskId();
        state.Tasks.Add(taskId, area, "url", "flush", urls, state.Now);
        return ResponseBodies.V2Success(urls.Count, withTaskId ? taskId : null);
    }

    /// <summary>
    /// <c>dirs.N</c>; mainland also takes <c>type</c> 1 (what changed) or 2 (everything). Overseas answers
    /// <c>data.count</c>, mainland no data at all, as their documentation shows; neither gives a task id.
    /// </summary>
    private static ApiOutcome RefreshDirectories(IncomingRequest request, FakeApiState state, string area)
    {
        IReadOnlyList<string> dirs = request.Paths;
        if (dirs.Count == 0)
        {
            return InvalidList("dirs");
        }

        string flushType = "flush";
        if (area == "mainland" && request.Parameters.TryGetValue("type", out string? type))
        {
            if (type != "1" && type != "2")
            {
                return InvalidList("type");
            }

            flushType = type == "2" ? "delete" : "flush";
        }

        if (dirs.Count > state.Options.PathBatchLimit)
        {
            return ResponseBodies.V2Error(4000, "(22045)单次提交刷新目录超出上限", "22045");
        }

        if (CheckHosts(dirs, state, "dirs") is { } invalid)
        {
            return invalid;
        }

        if (!state.PathLedger.TryCharge(area, dirs.Count, out _))
        {
            return ResponseBodies.V2Error(4000, "(22046)目录刷新数目超出单日限额", "22046");
        }

        state.Tasks.Add(state.NewV2TaskId(), area, "path", flushType, dirs, state.Now);
        return area == "overseas" ? ResponseBodies.V2Success(dirs.Count, null) : ResponseBodies.V2Success(data: null);
    }

    private static ApiOutcome? CheckHosts(IReadOnlyList<string> urls, FakeApiState state, string name)
    {
        foreach (string url in urls)
        {
            if (!UrlRules.IsHttpUrl(url, out Uri? uri))
            {
                return InvalidList(name);
            }

            if (!state.IsKnownHost(uri.Host))
            {
                return ResponseBodies.V2Error(4000, "(9110)没有这个域名的信息 cdn no such host", "9110");
            }
        }

        return null;
    }

    private static ApiOutcome InvalidList(string name) => ResponseBodies.V2Error(4000, $"(4000)请求失败，参数错误:[{name}]", "InvalidParameter");
}
