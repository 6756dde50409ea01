using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.ChangeDetection;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Manifest;
using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>
/// One refresh, start to end: list and hash the content root, compare with the baseline, plan the URLs, submit them,
/// and record what was accepted. The manifest is saved even when a batch fails or the build is cancelled, so that
/// nothing accepted is sent twice and nothing owed is lost.
/// </summary>
internal sealed class RefreshRun
{
    private static readonly TimeSpan ManifestLockTimeout = TimeSpan.FromMinutes(2);

    private readonly RefreshSettings _settings;
    private readonly RefreshEnvironment _environment;
    private readonly ManifestStore _store = new();

    public RefreshRun(RefreshSettings settings, RefreshEnvironment environment)
    {
        _settings = settings;
        _environment = environment;
    }

    private IRefreshLog Log => _environment.Log;

    public async Task<RefreshResult> RunAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var contentRoot = ContentRoot.Resolve(_settings.PublishDir, _settings.ContentRoot);
        var manifestPath = _settings.ManifestPath is null ? null : Path.GetFullPath(_settings.ManifestPath);
        Log.Detail($"Content root {contentRoot}; manifest {manifestPath ?? "(none)"}; baseline {(_settings.BaselineUrl?.ToString() ?? "local manifest")}.");

        using var manifestLock = _settings.DryRun || manifestPath is null ? null : _store.AcquireLock(manifestPath, ManifestLockTimeout, cancellationToken);

        var listed = new ContentFileLister(_settings.Exclude, manifestPath).List(contentRoot, cancellationToken);
        if (listed.Count == 0)
        {
            // Recording an empty state would mark every deployed file as deleted and refresh the whole site next time.
            Log.Warning(DiagnosticCodes.ContentRootEmpty, $"The content root '{contentRoot}' has no files to refresh (after exclusions). Nothing was sent and the manifest was not changed. Check CdnRefreshContentRoot and PublishDir.");
            return Finish(new RefreshResult { DryRun = _settings.DryRun, Action = ActionName(), Endpoint = _settings.Endpoint }, stopwatch);
        }

        var local = manifestPath is null ? ManifestLoadResult.NoBaseline() : _store.Load(manifestPath, _settings.BaseUrl.Value);
        var baseline = _settings.BaselineUrl is null
            ? local
            : await new BaselineFetcher(_settings.Timeout, _environment.Handler)
                .FetchAsync(_settings.BaselineUrl.ToString(), _settings.BaseUrl.Value, cancellationToken).ConfigureAwait(false);
        foreach (var warning in baseline.Warnings)
        {
            Log.Warning(warning.Code, warning.Message);
        }

        foreach (var message in baseline.Messages)
        {
            Log.Detail(message);
        }

        var hashing = new FileHasher().Hash(listed, ManifestHashCache.From(local.Baseline), cancellationToken);
        var current = hashing.Files
            .Select(f => new ManifestFile(f.RelativePath, f.Size, f.Sha256, f.LastWriteTimeUtc, f.UrlPath))
            .ToList();
        var mapper = new UrlMapper(_settings.BaseUrl, _settings.DirectoryIndex);
        var plan = RefreshPlanner.Plan(current, baseline.Baseline, _settings.AddedFiles, _settings.WithoutBaseline, paths => mapper.MapAll(paths));
        Log.Detail(plan.Summary);

        var result = new RefreshResult
        {
            DryRun = _settings.DryRun,
            Action = ActionName(),
            Endpoint = _settings.Endpoint,
            HadBaseline = plan.HasBaseline,
            FilesListed = listed.Count,
            FilesHashed = hashing.Stats.FilesHashed,
            FilesReused = hashing.Stats.FilesReused,
            Modified = plan.ModifiedCount,
            Deleted = plan.DeletedCount,
            Added = plan.AddedCount,
            Owed = plan.OwedCount,
            PlannedUrls = plan.Urls,
            BatchSize = _settings.BatchSize,
            Batches = (plan.Urls.Count + _settings.BatchSize - 1) / _settings.BatchSize,
            PendingUrls = plan.Urls,
        };

        CheckDailyQuota(plan.Urls.Count, _settings.DailyQuota, "CdnRefreshDailyQuota");
        if (_settings.DryRun)
        {
            LogPlan(result);
            return Finish(result, stopwatch);
        }

        var submission = plan.Urls.Count == 0 ? null : await SubmitAsync(plan.Urls, cancellationToken).ConfigureAwait(false);
        var accepted = submission?.AcceptedUrls ?? Array.Empty<string>();
        var update = ManifestUpdater.Decide(baseline.Baseline, current, _settings.BaseUrl.Value, plan.Urls, accepted, dryRun: false, _environment.Clock().UtcDateTime);
        Log.Detail(update.Reason);
        // A manifest of a newer version of this package is left alone (the warning said so).
        if (update.Manifest is not null && manifestPath is not null && local.MayOverwrite)
        {
            _store.Save(manifestPath, update.Manifest);
        }

        if (update.Manifest is not null && _settings.PublishManifest)
        {
            _store.WritePublished(contentRoot, update.Manifest);
        }

        result = result with
        {
            AcceptedUrls = submission is null ? Array.Empty<RefreshedUrl>() : AcceptedUrlsOf(submission),
            PendingUrls = update.Manifest?.PendingUrls ?? submission?.NotAcceptedUrls ?? Array.Empty<string>(),
            BatchesAccepted = submission?.Batches.Count(b => b.Status == BatchStatus.Accepted) ?? 0,
            ManifestWritten = update.Manifest is not null,
        };

        if (submission?.Failure is { } failure && submission.FailedBatch is { } failedBatch)
        {
            var (code, message) = ApiFailureMessage.Describe(failure, failedBatch, submission, _settings.Endpoint);
            result = result with { FailureCode = code, FailureMessage = message };
        }

        result = Finish(result, stopwatch);
        if (submission?.Cancelled == true)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        return result;
    }

    private async Task<SubmissionResult> SubmitAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        var credentials = _environment.Credentials();
        var api = _settings.Api == ApiVersion.V2 ? CdnRefreshClientFactory.ApiV2 : CdnRefreshClientFactory.ApiV3;
        var options = CdnRefreshClientFactory.CreateOptions(api, _settings.Area, _settings.Endpoint, _settings.SignatureMethod) with
        {
            MaxRetries = _settings.MaxRetries,
            RequestTimeout = _settings.Timeout,
            Handler = _environment.Handler,
            Clock = _environment.Clock,
            Delay = _environment.Delay,
            OnRetry = notice => Log.Warning(
                DiagnosticCodes.ApiRetrying,
                $"{notice.Action} attempt {notice.Attempt} of {notice.MaxAttempts} failed ({ApiFailureMessage.Brief(notice.Failure)}); retrying in {notice.Delay.TotalSeconds:0.#} s."),
        };

        var client = CdnRefreshClientFactory.Create(api, credentials, options);
        try
        {
            if (client is CdnApiV3Client v3)
            {
                await CheckRemainingQuotaAsync(v3, urls.Count, cancellationToken).ConfigureAwait(false);
            }

            return await new BatchSubmitter(client, _settings.BatchSize)
                .SubmitAsync(urls, batch => Log.Detail($"Batch {batch.Label}: {batch.Urls.Count} URLs {batch.Status.ToString().ToLowerInvariant()}{(batch.Outcome?.TaskId is { } id ? ", task " + id : string.Empty)}."), cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    /// <summary>v3 knows what is left of today's quota: a run that cannot fit must not spend part of it.</summary>
    private async Task CheckRemainingQuotaAsync(CdnApiV3Client client, int urlCount, CancellationToken cancellationToken)
    {
        var quota = await client.DescribePurgeQuotaAsync(cancellationToken).ConfigureAwait(false);
        if (quota.Failure is not null)
        {
            Log.Detail($"DescribePurgeQuota failed ({ApiFailureMessage.Brief(quota.Failure)}); going on without the pre-check.");
            return;
        }

        if (quota.UrlQuotaFor(_settings.Area) is { } area)
        {
            Log.Detail($"Quota ({area.Area}): {area.Available} of {area.Total} URLs left today, at most {area.Batch} a request.");
            CheckDailyQuota(urlCount, area.Available, "DescribePurgeQuota (" + area.Area + ")");
        }
    }

    private static void CheckDailyQuota(int urlCount, long available, string source)
    {
        if (urlCount > available)
        {
            throw new CdnRefreshException(
                DiagnosticCodes.DailyQuotaInsufficient,
                $"This run needs {urlCount} URLs but {source} allows {available}. Nothing was sent and the manifest was not changed. Exclude files with CdnRefreshExclude, raise the quota with Tencent Cloud, or refresh in parts.");
        }
    }

    private static IReadOnlyList<RefreshedUrl> AcceptedUrlsOf(SubmissionResult submission) =>
        submission.Batches
            .Where(b => b.Status == BatchStatus.Accepted)
            .SelectMany(b => b.Urls.Select(url => new RefreshedUrl(url, b.Number, b.Outcome?.TaskId)))
            .ToList();

    private string ActionName() =>
        _settings.Api == ApiVersion.V2
            ? CdnApiV2Client.ActionFor(_settings.Area)
            : CdnApiV3Client.PurgeUrlsCacheAction;

    private void LogPlan(RefreshResult result)
    {
        const int Shown = 20;
        foreach (var url in result.PlannedUrls.Take(Shown))
        {
            Log.Summary("  would refresh " + url);
        }

        if (result.PlannedUrls.Count > Shown)
        {
            Log.Summary($"  and {result.PlannedUrls.Count - Shown} more (-v:detailed lists them all)");
            foreach (var url in result.PlannedUrls.Skip(Shown))
            {
                Log.Detail("  would refresh " + url);
            }
        }
    }

    private RefreshResult Finish(RefreshResult result, Stopwatch stopwatch)
    {
        result = result with { Elapsed = stopwatch.Elapsed };
        RunReporter.Report(result, _settings, _environment);
        return result;
    }
}
