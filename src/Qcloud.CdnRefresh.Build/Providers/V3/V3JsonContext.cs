using System.Text.Json.Serialization;

namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>
/// API 3.0's JSON, source-generated: field names as declared, the default (HTML-safe) escaping, and numbers read from
/// strings too.
/// </summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(V3Requests.PurgeUrlsCache))]
[JsonSerializable(typeof(V3Requests.PurgePathCache))]
[JsonSerializable(typeof(V3Requests.DescribePurgeTasks))]
[JsonSerializable(typeof(PurgeResponse))]
[JsonSerializable(typeof(PurgeQuotaResponse))]
[JsonSerializable(typeof(PurgeTasksResponse))]
internal sealed partial class V3JsonContext : JsonSerializerContext
{
}
