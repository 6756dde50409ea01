using Qcloud.CdnRefresh.Build.Providers.EdgeOne;
using Qcloud.CdnRefresh.Build.Providers.V2;
using Qcloud.CdnRefresh.Build.Providers.V3;

namespace Qcloud.CdnRefresh.Build.Providers;

/// <summary>A provider as <c>CdnRefreshApi</c> names it: its name, its default endpoint and how to build it.</summary>
/// <param name="Name">The value of <c>CdnRefreshApi</c> (<c>v3</c>, <c>v2</c>).</param>
/// <param name="DefaultEndpoint">Where requests go when <c>CdnRefreshEndpoint</c> is empty.</param>
/// <param name="Create">Builds the provider for one run.</param>
/// <param name="ZoneScoped">
/// The API purges a zone (<c>CdnRefreshZoneId</c>, required) rather than an area: <c>CdnRefreshArea</c> does not apply.
/// </param>
internal sealed record ProviderRegistration(string Name, Uri DefaultEndpoint, Func<ProviderContext, IRefreshProvider> Create, bool ZoneScoped = false)
{
    /// <summary>Every provider; the first is the default of <c>CdnRefreshApi</c>.</summary>
    /// <remarks>
    /// A property, not a field: each provider's registration is built by its own static initializer, which builds a
    /// <see cref="ProviderRegistration"/>; a field here would make the two initializers wait on each other, and the one
    /// that runs second (the order differs between runtimes) would see null.
    /// </remarks>
    public static IReadOnlyList<ProviderRegistration> All => [V3Provider.Registration, V2Provider.Registration, EdgeOneProvider.Registration];

    public override string ToString() => Name;
}
