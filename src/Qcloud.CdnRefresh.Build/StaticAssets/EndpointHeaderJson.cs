namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>A response header of an endpoint, such as <c>Cache-Control: max-age=31536000, immutable</c>.</summary>
internal sealed class EndpointHeaderJson
{
    public string? Name { get; set; }

    public string? Value { get; set; }
}
