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
    public override string ToString() => Name;
}
