namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>The <c>Response</c> object of every API 3.0 answer; each action's answer adds its own fields.</summary>
internal record V3Response
{
    /// <summary>Present when the call failed; then it is the whole answer.</summary>
    public ErrorBody? Error { get; init; }

    public string? RequestId { get; init; }

    /// <summary>Whether a success carries the fields its action promises.</summary>
    public virtual bool IsComplete() => true;

    /// <summary><c>Response.Error</c>: <c>Code</c> such as <c>AuthFailure.SignatureFailure</c>, and a <c>Message</c>.</summary>
    internal sealed record ErrorBody(string? Code, string? Message);
}
