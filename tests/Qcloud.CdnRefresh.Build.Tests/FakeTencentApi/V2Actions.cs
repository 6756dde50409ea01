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
        _ => ResponseBodies.V2Error(4000, $"(4000)请求失败，不支持的接口:[{request.Action}]", "InvalidAction"),
    };

    private static ApiOutcome Refresh(IncomingRequest request, FakeApiState state, string area, bool withTaskId)
    {
        IReadOnlyList<string> urls = request.Urls;
        if (urls.Count == 0)
        {
            return InvalidUrls();
        }

        if (urls.Count > state.Options.BatchLimit)
        {
            return ResponseBodies.V2Error(4000, "(22043)单次提交刷新URL超出上限", "22043");
        }

        foreach (string url in urls)
        {
            if (!UrlRules.IsHttpUrl(url, out Uri? uri))
            {
                return InvalidUrls();
            }

            if (!state.IsKnownHost(uri.Host))
            {
                return ResponseBodies.V2Error(4000, "(9110)没有这个域名的信息 cdn no such host", "9110");
            }
        }

        if (!state.Ledger.TryCharge(area, urls.Count, out _))
        {
            return ResponseBodies.V2Error(4000, "(22044)URL刷新数目超出单日限额", "22044");
        }

        return ResponseBodies.V2Success(urls.Count, withTaskId ? state.NewV2TaskId() : null);
    }

    private static ApiOutcome InvalidUrls() => ResponseBodies.V2Error(4000, "(4000)请求失败，参数错误:[urls]", "InvalidParameter");
}
