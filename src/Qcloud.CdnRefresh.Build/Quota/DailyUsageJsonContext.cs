using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>The serializer's view of the usage file: camelCase names, indented, lenient to a hand edit.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(DailyUsageVersionJson))]
[JsonSerializable(typeof(DailyUsageJson))]
internal sealed partial class DailyUsageJsonContext : JsonSerializerContext
{
}
