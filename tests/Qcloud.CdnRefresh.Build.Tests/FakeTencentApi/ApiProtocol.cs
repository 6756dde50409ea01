namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>Which API a request was addressed to, decided by its path.</summary>
public enum ApiProtocol
{
    /// <summary>None of <c>/</c>, <c>/v2/index.php</c> and <c>/teo/</c>.</summary>
    Unknown,

    /// <summary>API 2.0, <c>/v2/index.php</c>, form or query parameters, HmacSHA1/HmacSHA256.</summary>
    V2,

    /// <summary>API 3.0, <c>/</c>, JSON body, TC3-HMAC-SHA256.</summary>
    V3,

    /// <summary>EdgeOne (product <c>teo</c>), <c>/teo/</c> standing in for its own host: API 3.0 signed for service <c>teo</c>.</summary>
    EdgeOne,
}
