using System;
using System.Diagnostics.CodeAnalysis;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>Tencent's rule for refresh URLs, shared by both APIs.</summary>
internal static class UrlRules
{
    public static bool IsHttpUrl(string url, [NotNullWhen(true)] out Uri? uri)
    {
        uri = null;
        return (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            && Uri.TryCreate(url, UriKind.Absolute, out uri)
            && uri.Host.Length > 0;
    }
}
