namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>The answer to <c>PurgeUrlsCache</c> and <c>PurgePathCache</c>.</summary>
internal sealed record PurgeResponse : V3Response
{
    public string? TaskId { get; init; }
}
