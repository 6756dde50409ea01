namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>The canned answers of the faults that answer at once (everything but a hang).</summary>
internal static class FaultResponses
{
    public const string TruncatedBody = "{\"Response\":{\"TaskId\":";

    public const string GarbageBody = "<<this is not JSON>> \u0001\u0002 }{";

    public const string Http500Body = "Internal Server Error";

    public const string Http429Body = "Too Many Requests";

    public const string Http502Html =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
        + "<hr><center>stgw</center>\r\n</body>\r\n</html>\r\n";

    public static ApiOutcome For(FaultRule rule) => rule.Kind switch
    {
        FaultKind.Http500 => new ApiOutcome { StatusCode = 500, ContentType = "text/plain; charset=utf-8", Body = Http500Body },
        FaultKind.Http429 => new ApiOutcome
        {
            StatusCode = 429, ContentType = "text/plain; charset=utf-8", Body = Http429Body, RetryAfter = "1",
        },
        FaultKind.Http502Html => new ApiOutcome { StatusCode = 502, ContentType = "text/html", Body = Http502Html },
        FaultKind.TruncatedJson => new ApiOutcome { Body = TruncatedBody },
        FaultKind.GarbageBody => new ApiOutcome { Body = GarbageBody },
        FaultKind.V3Error => ResponseBodies.V3Error(rule.ErrorCode, rule.ErrorMessage),
        FaultKind.V2Error => ResponseBodies.V2Error(rule.V2Code, rule.ErrorMessage, rule.ErrorCode),
        _ => throw new System.InvalidOperationException($"{rule.Kind} does not answer at once."),
    };
}
