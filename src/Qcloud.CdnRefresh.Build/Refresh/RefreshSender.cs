using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Quota;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>
/// Spends the quota: decides from it whether the URLs go out as URLs, folded into directories, or not at all, then
/// submits the batches and, for API 2.0, counts what was accepted today. Credentials are read only here.
/// </summary>
internal sealed class RefreshSender : IDisposable
{
    private readonly RefreshSettings _settings;
    private readonly RefreshEnvironment _environment;
    private readonly string? _manifestPath;
    private ICdnRefreshClient? _client;

    public RefreshSender(RefreshSettings settings, RefreshEnvironment environment, string? manifestPath)
    {
        _settings = settings;
        _environment = environment;
        _manifestPath = manifestPath;
    }

    private bool IsV2 => _settings.Api == ApiVersion.V2;

    /// <summary>The client of the last <see cref="SendAsync"/>, for status queries.</summary>
    public IRefreshStatusClient? StatusClient => _client as IRefreshStatusClient;

    /// <summary>The decision a dry run can make without credentials: v3 knows only <c>CdnRefreshDailyQuota</c>.</summary>
    public QuotaDecision DecideOffline(IReadOnlyList<string> urls) =>
        IsV2 ? DecideV2(urls, LoadUsage()) : QuotaBudget.DecideV3(Request(urls), outcome: null);

    public async Task<SendResult> SendAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        // Over CdnRefreshDailyQuota with no fallback: refused before any credential is read or request made.
        if (_settings.OverQuota == OverQuotaMode.Fail && urls.Count > _settings.DailyQuota && DecideOffline(urls) is RefuseDecision refused)
        {
            throw refused.ToException();
        }

        var credentials = _environment.Credentials();
        var api = IsV2 ? CdnRefreshClientFactory.ApiV2 : CdnRefreshClientFactory.ApiV3;
        _client = CdnRefreshClientFactory.Create(api, credentials, ClientOptions(api));

        var usage = IsV2 ? LoadUsage() : null;
        var decision = _client is CdnApiV3Client v3
            ? QuotaBudget.DecideV3(Request(urls), await QueryQuotaAsync(v3, cancellationToken).ConfigureAwait(false))
            : DecideV2(urls, usage);
        _environment.Log.Detail(decision.Explanation);

        var sent = decision switch
        {
            SendUrlsDecision send => await SendUrlsAsync(urls, send.BatchSize, cancellationToken).ConfigureAwait(false),
            SendDirectoriesDecision fold => await SendDirectoriesAsync(fold, cancellationToken).ConfigureAwait(false),
            RefuseDecision refuse => throw refuse.ToException(),
            _ => throw new InvalidOperationException("Unknown quota decision " + decision.GetType().Name),
        };

        if (usage is not null)
        {
            var kind = sent.Target == RefreshTarget.Directories ? UsageKind.Directories : UsageKind.Urls;
            var count = sent.Submission.AcceptedCount;
            usage.Add(_settings.Area, kind, count, _environment.Clock());
            try
            {
                usage.Save();
            }
            catch (CdnRefreshException e)
            {
                // The batches were accepted: failing now would leave the manifest unsaved and send them twice.
                _environment.Log.Warning(e.Code, e.Message + " Today's count of accepted refreshes may be too low; the API still enforces its quota.");
            }
        }

        return sent;
    }

    public void Dispose() => (_client as IDisposable)?.Dispose();

    private async Task<SendResult> SendUrlsAsync(IReadOnlyList<string> urls, int batchSize, CancellationToken cancellationToken)
    {
        var submission = await new BatchSubmitter(_client!, batchSize)
            .SubmitAsync(urls, LogBatch, cancellationToken).ConfigureAwait(false);
        return new SendResult
        {
            Submission = submission,
            Target = RefreshTarget.Urls,
            Action = _client!.Action,
            Accepted = submission.AcceptedBatches.SelectMany(b => b.Urls.Select(url => new RefreshedUrl(url, b.Number, b.Outcome?.TaskId))).ToList(),
            NotAccepted = submission.NotAcceptedUrls,
        };
    }

    private async Task<SendResult> SendDirectoriesAsync(SendDirectoriesDecision fold, CancellationToken cancellationToken)
    {
        var directories = (IDirectoryRefreshClient)_client!;
        var count = fold.Plan.Directories.Count;
        _environment.Log.Summary($"Over the URL quota ({fold.Explanation}); CdnRefreshOverQuota=directory refreshes {count} {(count == 1 ? "directory" : "directories")} instead:");
        foreach (var line in fold.Plan.Explain().Skip(1))
        {
            _environment.Log.Summary(line);
        }

        var submission = await BatchSubmitter.ForDirectories(directories, fold.BatchSize)
            .SubmitAsync(fold.Plan.DirectoryUrls, LogBatch, cancellationToken).ConfigureAwait(false);
        var covered = fold.Plan.Directories.ToDictionary(d => d.Url, d => d.CoveredUrls, StringComparer.Ordinal);
        return new SendResult
        {
            Submission = submission,
            Target = RefreshTarget.Directories,
            Directories = fold.Plan,
            Action = directories.DirectoryAction,
            Accepted = submission.AcceptedBatches
                .SelectMany(b => b.Urls.SelectMany(directory => covered[directory].Select(url => new RefreshedUrl(url, b.Number, b.Outcome?.TaskId, directory))))
                .ToList(),
            NotAccepted = submission.NotAcceptedUrls.SelectMany(directory => covered[directory]).ToList(),
        };
    }

    /// <summary>A failed quota query is not fatal: the run goes on with <c>CdnRefreshDailyQuota</c> and the API has the last word.</summary>
    private async Task<PurgeQuotaOutcome?> QueryQuotaAsync(CdnApiV3Client client, CancellationToken cancellationToken)
    {
        var quota = await client.DescribePurgeQuotaAsync(cancellationToken).ConfigureAwait(false);
        if (quota.Failure is not null)
        {
            // Said at the summary's importance: the run is now kept inside CdnRefreshDailyQuota alone, not Tencent's count.
            _environment.Log.Summary($"DescribePurgeQuota failed ({ApiFailureMessage.Brief(quota.Failure)}); going on with CdnRefreshDailyQuota alone.");
            return null;
        }

        return quota;
    }

    private QuotaDecision DecideV2(IReadOnlyList<string> urls, DailyUsageStore? usage)
    {
        var now = _environment.Clock();
        return QuotaBudget.DecideV2(Request(urls), usage?.Used(_settings.Area, UsageKind.Urls, now) ?? 0, usage?.Used(_settings.Area, UsageKind.Directories, now) ?? 0);
    }

    private DailyUsageStore? LoadUsage()
    {
        if (_manifestPath is null)
        {
            return null;
        }

        var usage = DailyUsageStore.Load(DailyUsageStore.PathFor(_manifestPath), _environment.Clock());
        foreach (var warning in usage.Warnings)
        {
            _environment.Log.Warning(warning.Code, warning.Message);
        }

        return usage;
    }

    private QuotaRequest Request(IReadOnlyList<string> urls) => new()
    {
        Urls = urls,
        BaseUrl = _settings.BaseUrl,
        Area = _settings.Area,
        DailyQuota = _settings.DailyQuota,
        BatchSize = _settings.BatchSize,
        OverQuota = _settings.OverQuota,
    };

    private ApiClientOptions ClientOptions(string api) =>
        CdnRefreshClientFactory.CreateOptions(api, _settings.Area, _settings.Endpoint, _settings.SignatureMethod) with
        {
            MaxRetries = _settings.MaxRetries,
            RequestTimeout = _settings.Timeout,
            Handler = _environment.Handler,
            Clock = _environment.Clock,
            Delay = _environment.Delay,
            OnRetry = notice => _environment.Log.Warning(
                DiagnosticCodes.ApiRetrying,
                $"{notice.Action} attempt {notice.Attempt} of {notice.MaxAttempts} failed ({ApiFailureMessage.Brief(notice.Failure)}); retrying in {notice.Delay.TotalSeconds:0.#} s."),
        };

    private void LogBatch(BatchResult batch) =>
        _environment.Log.Detail($"Batch {batch.Label}: {batch.Urls.Count} entries {batch.Status.ToString().ToLowerInvariant()}{(batch.Outcome?.TaskId is { } id ? ", task " + id : string.Empty)}.");
}
