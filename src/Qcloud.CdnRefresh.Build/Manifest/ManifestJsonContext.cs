using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// The serializer's view of the manifest JSON: camelCase names, compact values (the writer lays them out), a URL path
/// equal to the path left out, and the lenient reading a hand edit may need (comments, trailing commas).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = new[] { typeof(ManifestDateConverter) })]
[JsonSerializable(typeof(ManifestHeadJson))]
[JsonSerializable(typeof(ManifestJson))]
[JsonSerializable(typeof(DateTime))]
[JsonSerializable(typeof(string))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext
{
}
