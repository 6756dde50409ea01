using System.Text.Json.Serialization;

namespace Qcloud.CdnRefresh.Build.Providers.EdgeOne;

/// <summary>EdgeOne's JSON, source-generated as API 3.0's: field names as declared, numbers read from strings too.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(EdgeOneRequests.CreatePurgeTask))]
[JsonSerializable(typeof(EdgeOneRequests.DescribeContentQuota))]
[JsonSerializable(typeof(EdgeOneRequests.DescribePurgeTasks))]
[JsonSerializable(typeof(EdgeOnePurgeResponse))]
[JsonSerializable(typeof(EdgeOneQuotaResponse))]
[JsonSerializable(typeof(EdgeOneTasksResponse))]
internal sealed partial class EdgeOneJsonContext : JsonSerializerContext
{
}
