using Qcloud.CdnRefresh.Build.Providers.EdgeOne;
using Qcloud.CdnRefresh.Build.Providers.V2;
using Qcloud.CdnRefresh.Build.Providers.V3;

namespace Qcloud.CdnRefresh.Build.Providers;

/// <summary>Every provider, one registration each; the first is the default of <c>CdnRefreshApi</c>.</summary>
internal static class RefreshProviders
{
    public static readonly IReadOnlyList<ProviderRegistration> All = [V3Provider.Registration, V2Provider.Registration, EdgeOneProvider.Registration];
}
