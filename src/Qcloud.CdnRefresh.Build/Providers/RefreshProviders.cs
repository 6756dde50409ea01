using Qcloud.CdnRefresh.Build.Providers.EdgeOne;
using Qcloud.CdnRefresh.Build.Providers.V2;
using Qcloud.CdnRefresh.Build.Providers.V3;

namespace Qcloud.CdnRefresh.Build.Providers;

/// <summary>Every provider, one registration line each; the first is the default of <c>CdnRefreshApi</c>.</summary>
internal static class RefreshProviders
{
    public static readonly IReadOnlyList<ProviderRegistration> All = new[]
    {
        V3Provider.Registration,
        V2Provider.Registration,
        EdgeOneProvider.Registration,
    };
}
