using System.Text.Json.Serialization;

namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>The serializer's view of the endpoints file: the SDK's PascalCase names, read in any case.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(EndpointsJson))]
internal sealed partial class StaticAssetsJsonContext : JsonSerializerContext
{
}
