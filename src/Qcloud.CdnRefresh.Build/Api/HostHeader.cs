using System;
using System.Globalization;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// The <c>Host</c> header value for an endpoint. Both signatures cover the host, so the clients set this header
/// themselves and sign exactly what is sent: the ASCII host, plus the port when it is not the scheme's default.
/// </summary>
internal static class HostHeader
{
    public static string For(Uri endpoint)
    {
        var host = endpoint.IdnHost;
        if (endpoint.HostNameType == UriHostNameType.IPv6 && !host.StartsWith("[", StringComparison.Ordinal))
        {
            host = "[" + host + "]";
        }

        return endpoint.IsDefaultPort ? host : host + ":" + endpoint.Port.ToString(CultureInfo.InvariantCulture);
    }
}
