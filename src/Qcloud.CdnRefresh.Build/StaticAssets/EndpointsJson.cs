using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>
/// The web SDK's <c>&lt;project&gt;.staticwebassets.endpoints.json</c>, as far as the refresh reads it: the format
/// version and the endpoints. Other fields (<c>ManifestType</c>, selectors, properties) are ignored.
/// </summary>
internal sealed class EndpointsJson
{
    public int? Version { get; set; }

    public List<EndpointJson?>? Endpoints { get; set; }
}
