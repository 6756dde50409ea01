using System.Globalization;
using System.Text.RegularExpressions;
using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.V2;

/// <summary>Which API 2.0 <c>code</c> values (and module codes in the message) are retried, and which are final.</summary>
internal static class V2ErrorCodes
{
    // "(9110)没有这个域名的信息 cdn no such host": the module code leads the message in parentheses.
    private static readonly Regex ModuleCodePattern = new(@"^\s*[(（]\s*(\d+)\s*[)）]", RegexOptions.CultureInvariant);

    /// <summary>
    /// The kind of an API 2.0 <c>code</c>, refined by the module code found in its <c>message</c>, which is the more
    /// specific: 4000 with (22044) is a quota, 4000 with (9163) a busy server.
    /// </summary>
    public static ApiFailureKind KindOf(int code, string? moduleCode) => (code, moduleCode) switch
    {
        // 9163 and 22063: 操作频繁, too frequent.
        (_, "9163" or "22063") => ApiFailureKind.Retryable,

        // 22044/22043: the daily and per-request URL limits; 22046/22045: the same for directories; 4400: over quota.
        (_, "22044" or "22043" or "22046" or "22045") or (4400, _) => ApiFailureKind.Quota,

        // 5100 resource operation failed, 6000 internal error, 6200 maintenance, 4500 replay or clock (a retry carries
        // the new Nonce and Timestamp that 4500 asks for).
        (5100 or 6000 or 6200 or 4500, _) => ApiFailureKind.Retryable,
        (4100 or 4200, _) => ApiFailureKind.Authentication,
        (4300 or 6100, _) => ApiFailureKind.Retired,
        _ => ApiFailureKind.Final,
    };

    /// <summary>The module code a v2 <c>message</c> starts with, e.g. <c>9110</c>; null when there is none.</summary>
    public static string? ModuleCodeOf(string message) =>
        ModuleCodePattern.Match(message) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>
    /// The failure of a non-zero <c>code</c>. <paramref name="codeDesc"/> is an English word such as
    /// <c>RequestForbidden</c>, or a module code. The module code is the one at the start of the message, else a numeric
    /// <c>codeDesc</c> (<c>"codeDesc": 9110</c>); neither counts when it is the public code itself: "(4000)请求失败…"
    /// says nothing more than 4000.
    /// </summary>
    public static ApiFailure ToFailure(int code, string message, string? codeDesc, int httpStatus)
    {
        var codeText = code.ToString(CultureInfo.InvariantCulture);
        var numericCodeDesc = !string.IsNullOrEmpty(codeDesc) && codeDesc!.All(c => c >= '0' && c <= '9') ? codeDesc : null;
        var moduleCode = new[] { ModuleCodeOf(message), numericCodeDesc }.FirstOrDefault(module => module is not null && module != codeText);
        var kind = KindOf(code, moduleCode);
        var text = ApiFailure.MessageOrFallback(message, codeDesc ?? codeText);

        // A word like "RequestForbidden" is searchable; repeat it unless the message already says it.
        if (!string.IsNullOrEmpty(codeDesc) && numericCodeDesc is null && text.IndexOf(codeDesc, StringComparison.Ordinal) < 0)
        {
            text += " [" + codeDesc + "]";
        }

        return ApiFailure.FromApiCode(kind, moduleCode is null ? codeText : codeText + " (" + moduleCode + ")", text, httpStatus);
    }
}
