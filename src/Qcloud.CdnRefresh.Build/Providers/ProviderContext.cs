using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Signing;

namespace Qcloud.CdnRefresh.Build.Providers;

/// <summary>What a provider is built from: the request settings and seams, the credentials source and the log.</summary>
/// <param name="Client">Endpoint, area, signature method, retries, timeout, and the transport, clock and delay seams.</param>
/// <param name="Credentials">Called on the first request only.</param>
/// <param name="Log">Where the provider's warnings and summaries go.</param>
/// <param name="ManifestPath">
/// The manifest's path: a provider that counts its own quota keeps the count beside it. Null: no count.
/// </param>
internal sealed record ProviderContext(
    ApiClientOptions Client, Func<TencentCredentials> Credentials, IRefreshLog Log, string? ManifestPath = null);
