using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>
/// One endpoint: the URL path it answers (relative to the web root, <c>/</c>-separated) and the headers it is served
/// with. One route has several endpoints, one for each content encoding the request may select.
/// </summary>
internal sealed class EndpointJson
{
    public string? Route { get; set; }

    public List<EndpointHeaderJson?>? ResponseHeaders { get; set; }
}
