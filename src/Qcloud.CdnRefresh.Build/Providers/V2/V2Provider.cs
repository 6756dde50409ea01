using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Quota;

namespace Qcloud.CdnRefresh.Build.Providers.V2;

/// <summary>
/// API 2.0 (<c>CdnRefreshApi=v2</c>): <c>RefreshCdnOverSeaUrl</c>/<c>RefreshCdnUrl</c> and the directory actions by
/// area, status from the refresh logs. The API cannot say what is left of today's quota, so this provider counts what
/// it accepted in a usage file beside the manifest.
/// </summary>
internal sealed class V2Provider : IRefreshProvider
{
    public static readonly ProviderRegistration Registration = new("v2", CdnApiV2Client.DefaultEndpoint, context => new V2Provider(context));

    private readonly ProviderContext _context;
    private CdnApiV2Client? _client;
    private DailyUsageStore? _usage;

    public V2Provider(ProviderContext context)
    {
        _context = context;
    }

    public string UrlAction => CdnApiV2Client.ActionFor(_context.Client.Area);

    public string DirectoryAction => CdnApiV2Client.DirectoryActionFor(_context.Client.Area);

    public Uri Endpoint => _context.Client.Endpoint;

    private CdnApiV2Client Client => _client ??= new CdnApiV2Client(_context.Credentials(), _context.Client);

    /// <summary>From this machine's count; the same online and offline, since no request can tell more.</summary>
    public Task<TodaysQuota> ReadQuotaAsync(QuotaRequest request, bool offline, CancellationToken cancellationToken)
    {
        var usage = LoadUsage();
        var now = _context.Client.Clock();
        var urlsUsed = usage?.Used(request.Area, UsageKind.Urls, now) ?? 0;
        var directoriesUsed = usage?.Used(request.Area, UsageKind.Directories, now) ?? 0;
        return Task.FromResult(V2Quota.Today(request, urlsUsed, directoriesUsed));
    }

    public Task<BatchOutcome> SubmitAsync(RefreshTarget target, IReadOnlyList<string> entries, CancellationToken cancellationToken) =>
        target == RefreshTarget.Directories
            ? Client.SubmitDirectoriesAsync(entries, cancellationToken)
            : Client.SubmitAsync(entries, cancellationToken);

    public Task<RefreshStatusOutcome> GetStatusAsync(IReadOnlyList<SubmittedBatch> batches, CancellationToken cancellationToken) =>
        Client.GetStatusAsync(batches, cancellationToken);

    public void RecordAccepted(RefreshTarget target, int count)
    {
        if (LoadUsage() is not { } usage)
        {
            return;
        }

        usage.Add(_context.Client.Area, target == RefreshTarget.Directories ? UsageKind.Directories : UsageKind.Urls, count, _context.Client.Clock());
        try
        {
            usage.Save();
        }
        catch (CdnRefreshException e)
        {
            // The batches were accepted: failing now would leave the manifest unsaved and send them twice.
            _context.Log.Warning(e.Code, e.Message + " Today's count of accepted refreshes may be too low; the API still enforces its quota.");
        }
    }

    public void Dispose() => _client?.Dispose();

    private DailyUsageStore? LoadUsage()
    {
        if (_usage is not null || _context.ManifestPath is null)
        {
            return _usage;
        }

        _usage = DailyUsageStore.Load(DailyUsageStore.PathFor(_context.ManifestPath), _context.Client.Clock());
        foreach (var warning in _usage.Warnings)
        {
            _context.Log.Warning(warning.Code, warning.Message);
        }

        return _usage;
    }
}
