using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Providers;
using Qcloud.CdnRefresh.Build.Quota;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>The quota decision: whether the URLs go out as URLs, folded into directories, or not at all.</summary>
internal static class QuotaCheck
{
    /// <summary>
    /// A dry run decides offline, from what the provider knows without credentials. A real run over
    /// <c>CdnRefreshDailyQuota</c> with no fallback is refused before any credential is read or request made; otherwise
    /// the provider asks its quota source.
    /// </summary>
    /// <exception cref="Diagnostics.CdnRefreshException">A real run that does not fit today's quota.</exception>
    public static async Task<QuotaDecision> DecideAsync(IRefreshProvider provider, RefreshSettings settings, IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        var request = new QuotaRequest
        {
            Urls = urls,
            BaseUrls = settings.BaseUrls,
            Area = settings.Area,
            DailyQuota = settings.DailyQuota,
            BatchSize = settings.BatchSize,
            OverQuota = settings.OverQuota,
        };

        if (settings.DryRun)
        {
            return await DecideAsync(provider, request, offline: true, cancellationToken).ConfigureAwait(false);
        }

        if (settings.OverQuota == OverQuotaMode.Fail && urls.Count > settings.DailyQuota
            && await DecideAsync(provider, request, offline: true, cancellationToken).ConfigureAwait(false) is RefuseDecision refused)
        {
            throw refused.ToException();
        }

        var decision = await DecideAsync(provider, request, offline: false, cancellationToken).ConfigureAwait(false);
        return decision is RefuseDecision refuse ? throw refuse.ToException() : decision;
    }

    private static async Task<QuotaDecision> DecideAsync(IRefreshProvider provider, QuotaRequest request, bool offline, CancellationToken cancellationToken) =>
        QuotaBudget.Decide(request, await provider.ReadQuotaAsync(request, offline, cancellationToken).ConfigureAwait(false));
}
