using System.Text.Json.Serialization;

namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>The serializer's view of the endpoints file: the SDK's own PascalCase names, as the properties are named.</summary>
[JsonSerializable(typeof(EndpointsJson))]
internal sealed partial class StaticAssetsJsonContext : JsonSerializerContext
{
}
