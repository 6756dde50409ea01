using System.Text.Json.Serialization;

namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>
/// One endpoint: the URL path it answers (relative to the web root, <c>/</c>-separated) and whether its response
/// headers mark it immutable. One route has several endpoints, one for each content encoding a request may select.
/// </summary>
internal sealed class EndpointJson
{
    public string? Route { get; set; }

    /// <summary>The <c>ResponseHeaders</c> array, read only for what decides: see <see cref="ImmutableHeadersConverter"/>.</summary>
    [JsonPropertyName("ResponseHeaders")]
    [JsonConverter(typeof(ImmutableHeadersConverter))]
    public bool Immutable { get; set; }
}
