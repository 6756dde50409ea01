using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Quota;

namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>
/// API 3.0 (<c>CdnRefreshApi=v3</c>): <c>PurgeUrlsCache</c> and <c>PurgePathCache</c> with <c>Area</c>, today's quota
/// from <c>DescribePurgeQuota</c>, status from <c>DescribePurgeTasks</c>.
/// </summary>
internal sealed class V3Provider : IRefreshProvider
{
    public static readonly ProviderRegistration Registration = new("v3", CdnApiV3Client.DefaultEndpoint, context => new V3Provider(context));

    private readonly ProviderContext _context;
    private CdnApiV3Client? _client;

    public V3Provider(ProviderContext context)
    {
        _context = context;
    }

    public string UrlAction => CdnApiV3Client.PurgeUrlsCacheAction;

    public string DirectoryAction => CdnApiV3Client.PurgePathCacheAction;

    public Uri Endpoint => _context.Client.Endpoint;

    private CdnApiV3Client Client => _client ??= new CdnApiV3Client(_context.Credentials(), _context.Client);

    /// <summary>A failed <c>DescribePurgeQuota</c> is not fatal: the run goes on with <c>CdnRefreshDailyQuota</c> alone.</summary>
    public async Task<TodaysQuota> ReadQuotaAsync(QuotaRequest request, bool offline, CancellationToken cancellationToken)
    {
        if (offline)
        {
            return V3Quota.Today(request, outcome: null);
        }

        var quota = await Client.DescribePurgeQuotaAsync(cancellationToken).ConfigureAwait(false);
        if (quota.Failure is not null)
        {
            // Said at the summary's importance: the run is kept inside CdnRefreshDailyQuota alone, not Tencent's count.
            _context.Log.Summary($"{CdnApiV3Client.DescribePurgeQuotaAction} failed ({quota.Failure.Brief}); going on with CdnRefreshDailyQuota alone.");
        }

        return V3Quota.Today(request, quota);
    }

    public Task<BatchOutcome> SubmitAsync(RefreshTarget target, IReadOnlyList<string> entries, CancellationToken cancellationToken) =>
        target == RefreshTarget.Directories
            ? Client.SubmitDirectoriesAsync(entries, cancellationToken)
            : Client.SubmitAsync(entries, cancellationToken);

    public Task<RefreshStatusOutcome> GetStatusAsync(IReadOnlyList<SubmittedBatch> batches, CancellationToken cancellationToken) =>
        Client.GetStatusAsync(batches, cancellationToken);

    /// <summary>Tencent counts API 3.0 use itself and <c>DescribePurgeQuota</c> reports it.</summary>
    public void RecordAccepted(RefreshTarget target, int count)
    {
    }

    public void Dispose() => _client?.Dispose();
}
