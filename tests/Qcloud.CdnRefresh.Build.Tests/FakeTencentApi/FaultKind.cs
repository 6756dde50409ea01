namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>What a <see cref="FaultRule"/> does to the request it hits.</summary>
public enum FaultKind
{
    /// <summary>HTTP 500 with a short text body.</summary>
    Http500,

    /// <summary>HTTP 429 with a short text body and <c>Retry-After: 1</c>.</summary>
    Http429,

    /// <summary>HTTP 502 with an HTML page, as a gateway in front of the API would answer.</summary>
    Http502Html,

    /// <summary>HTTP 200 with <c>{"Response":{"TaskId":</c> and nothing more.</summary>
    TruncatedJson,

    /// <summary>HTTP 200, <c>application/json</c>, with a body that is not JSON.</summary>
    GarbageBody,

    /// <summary>Waits for <see cref="FaultRule.HangFor"/> or until the client goes away, then answers normally or aborts.</summary>
    Hang,

    /// <summary>HTTP 200 with a v3 <c>Response.Error</c> body.</summary>
    V3Error,

    /// <summary>HTTP 200 with a v2 <c>{code,message,codeDesc}</c> body.</summary>
    V2Error,
}
