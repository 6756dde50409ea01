namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>How a failed request is classified.</summary>
internal enum ApiFailureKind
{
    /// <summary>Safe to retry: network errors, timeouts, the API's "busy", "in progress" and "internal error" codes.</summary>
    Retryable,

    /// <summary>Retrying cannot help: bad parameters, unknown domain, permission errors.</summary>
    Final,

    /// <summary>The signature or key pair was refused (v2 4100/4200, v3 AuthFailure.*). Final.</summary>
    Authentication,

    /// <summary>The daily or per-request quota is used up (v2 4400 and module codes 22043–22046, v3 LimitExceeded.*). Final.</summary>
    Quota,

    /// <summary>The API 2.0 endpoint refuses this account (v2 4300/6100, v3 ActionOffline). Final.</summary>
    Retired,

    /// <summary>
    /// The response was not the JSON we expect (an HTML error page, a truncated body): retried like a timeout, final once
    /// the retries are spent. A failure inside this client (not an answer) is of this kind too, and final at once.
    /// </summary>
    UnexpectedResponse,
}
