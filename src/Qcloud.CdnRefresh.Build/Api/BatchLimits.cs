using System;
using System.Collections.Generic;
using System.Globalization;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>The per-request URL limit both APIs share.</summary>
internal static class BatchLimits
{
    public const int MaxUrlsPerRequest = 1000;

    /// <summary>Rejects a batch no API would accept; the task validates user input before it gets here.</summary>
    public static void Check(IReadOnlyList<string> urls)
    {
        if (urls is null)
        {
            throw new ArgumentNullException(nameof(urls));
        }

        if (urls.Count == 0 || urls.Count > MaxUrlsPerRequest)
        {
            throw new ArgumentOutOfRangeException(
                nameof(urls),
                urls.Count,
                "A batch holds 1 to " + MaxUrlsPerRequest.ToString(CultureInfo.InvariantCulture) + " URLs.");
        }
    }
}
