using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// The serializer's view of the manifest JSON as <see cref="ManifestWriter"/> writes it: camelCase names, compact values
/// (the writer lays them out), a URL path equal to the path left out. <see cref="ManifestReader"/> reads it as a document.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(ManifestDateConverter) })]
[JsonSerializable(typeof(ManifestFileJson))]
[JsonSerializable(typeof(DateTime))]
[JsonSerializable(typeof(string))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext
{
}
