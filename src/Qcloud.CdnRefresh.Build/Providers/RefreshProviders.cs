using System;
using System.Collections.Generic;
using System.Linq;
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
    };

    public static ProviderRegistration Default => All[0];

    /// <summary>The registration named <paramref name="name"/>, in any letter case; null when there is none.</summary>
    public static ProviderRegistration? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
