using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Signing;

namespace Qcloud.CdnRefresh.Build.Providers;

/// <summary>What a provider is built from: the request settings and seams, the credentials source and the log.</summary>
internal sealed record ProviderContext
{
    /// <summary>Endpoint, area, signature method, retries, timeout, and the transport, clock and delay seams.</summary>
    public required ApiClientOptions Client { get; init; }

    /// <summary>Called on the first request only.</summary>
    public required Func<TencentCredentials> Credentials { get; init; }

    public required IRefreshLog Log { get; init; }

    /// <summary>The manifest's path: a provider that counts its own quota keeps the count beside it. Null: no count.</summary>
    public string? ManifestPath { get; init; }
}
