using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Manifest;
using Qcloud.CdnRefresh.Build.Quota;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>
/// One refresh, start to end: scan the content root against the baseline, spend the quota on the URLs, record what was
/// accepted, optionally wait for Tencent to finish. The manifest is saved even when a batch fails or the build is
/// cancelled, so that nothing accepted is sent twice and nothing owed is lost.
/// </summary>
internal sealed class RefreshRun
{
    private static readonly TimeSpan ManifestLockTimeout = TimeSpan.FromMinutes(2);

    private readonly RefreshSettings _settings;
    private readonly RefreshEnvironment _environment;
    private readonly ManifestStore _store = new();
    private readonly Stopwatch _stopwatch = new();

    public RefreshRun(RefreshSettings settings, RefreshEnvironment environment)
    {
        _settings = settings;
        _environment = environment;
    }

    private IRefreshLog Log => _environment.Log;

    public async Task<RefreshResult> RunAsync(CancellationToken cancellationToken)
    {
        _stopwatch.Restart();
        var manifestPath = _settings.ManifestPath is null ? null : Path.GetFullPath(_settings.ManifestPath);
        // The lock is held through CdnRefreshWait, so a second build waits that long too before giving up.
        var lockTimeout = ManifestLockTimeout + (_settings.Wait ? _settings.WaitTimeout : TimeSpan.Zero);
        using var manifestLock = _settings.DryRun || manifestPath is null ? null : _store.AcquireLock(manifestPath, lockTimeout, cancellationToken);

        var scan = await ContentScan.RunAsync(_settings, _environment, _store, manifestPath, cancellationToken).ConfigureAwait(false);
        Log.Detail($"Content root {scan.ContentRoot}; manifest {manifestPath ?? "(none)"}; baseline {_settings.BaselineUrl?.ToString() ?? "local manifest"}.");
        if (scan.Plan is not { } plan)
        {
            Log.Warning(DiagnosticCodes.ContentRootEmpty, $"The content root '{scan.ContentRoot}' has no files to refresh (after exclusions). Nothing was sent and the manifest was not changed. Check CdnRefreshContentRoot and PublishDir.");
            return Finish(new RefreshResult { DryRun = _settings.DryRun, Action = UrlAction(), Endpoint = _settings.Endpoint });
        }

        var result = PlannedResult(scan, plan);
        using var sender = new RefreshSender(_settings, _environment, manifestPath);
        if (_settings.DryRun)
        {
            LogDryRunDecision(sender.DecideOffline(plan.Urls));
            LogPlan(result);
            return Finish(result);
        }

        var sent = plan.Urls.Count == 0 ? null : await sender.SendAsync(plan.Urls, cancellationToken).ConfigureAwait(false);
        var update = ManifestUpdater.Decide(scan.Baseline.Baseline, scan.Current, _settings.BaseUrl.Value, plan.Urls, sent?.Accepted.Select(u => u.Url) ?? Array.Empty<string>(), dryRun: false, _environment.Clock().UtcDateTime);
        Log.Detail(update.Reason);
        Save(update.Manifest, scan);
        if (update.Manifest is null && _settings.PublishManifest)
        {
            // Unchanged, but a fresh publish output (or a mirroring upload) has no copy: the next baseline fetch needs one.
            _store.WritePublished(scan.ContentRoot, ManifestUpdater.Build(scan.Current, _settings.BaseUrl.Value, _environment.Clock().UtcDateTime, Array.Empty<string>()));
        }

        result = result with
        {
            Action = sent?.Action ?? result.Action,
            Directories = sent?.Directories?.DirectoryUrls ?? Array.Empty<string>(),
            Batches = sent?.Submission.TotalBatches ?? 0,
            AcceptedUrls = sent?.Accepted ?? Array.Empty<RefreshedUrl>(),
            PendingUrls = update.Manifest?.PendingUrls ?? sent?.NotAccepted ?? Array.Empty<string>(),
            BatchesAccepted = sent?.Submission.AcceptedBatches.Count() ?? 0,
            ManifestWritten = update.Manifest is not null,
        };

        if (sent?.Submission.Failure is { } failure && sent.Submission.FailedBatch is { } failedBatch)
        {
            var (code, message) = ApiFailureMessage.Describe(failure, failedBatch, sent, _settings.Endpoint);
            result = result with { FailureCode = code, FailureMessage = message };
        }

        if (sent?.Submission.Cancelled == true)
        {
            Finish(result);
            throw new OperationCanceledException(cancellationToken);
        }

        if (_settings.Wait && sent is not null && sender.StatusClient is { } statusClient && result.BatchesAccepted > 0)
        {
            result = await WaitAsync(statusClient, sent, update.Manifest, scan, result, cancellationToken).ConfigureAwait(false);
        }

        return Finish(result);
    }

    private async Task<RefreshResult> WaitAsync(IRefreshStatusClient client, SendResult sent, DeploymentManifest? written, ContentScan scan, RefreshResult result, CancellationToken cancellationToken)
    {
        var batches = sent.Submission.AcceptedBatches.Select(b => SubmittedBatch.From(b, sent.Target)).ToList();
        var wait = await RefreshWaiter.WaitAsync(client, batches, _settings.WaitTimeout, _environment.Delay, _environment.Clock, cancellationToken).ConfigureAwait(false);
        Log.Detail($"Waited {wait.Waited.TotalSeconds:0} s over {wait.Polls} status queries.");

        // Failures first: whatever else happened (a failed query, a cancellation), what Tencent gave up on is owed again.
        if (wait.Failed.Count > 0)
        {
            result = RecordFailedRefreshes(wait.Failed, sent, written, scan, result);
        }

        if (wait.Cancelled)
        {
            Finish(result);
            throw new OperationCanceledException(cancellationToken);
        }

        if (wait.QueryFailure is not null)
        {
            Log.Warning(DiagnosticCodes.StatusUnavailable, $"The refresh status could not be read ({ApiFailureMessage.Brief(wait.QueryFailure)}); the refreshes were accepted, but whether they finished is not known.");
        }
        else if (wait.TimedOut)
        {
            Log.Warning(DiagnosticCodes.WaitTimedOut, $"{wait.StillRunning.Count} refreshes were still running after CdnRefreshWaitTimeout ({_settings.WaitTimeout.TotalSeconds:0} s): {Sample(wait.StillRunning)}. They were accepted and usually finish within minutes.");
            result = result with { StillRunning = wait.StillRunning };
        }

        return result;
    }

    private RefreshResult RecordFailedRefreshes(IReadOnlyList<string> failedEntries, SendResult sent, DeploymentManifest? written, ContentScan scan, RefreshResult result)
    {
        // A refresh Tencent gave up on is owed again, like a batch that was never accepted.
        var failedUrls = sent.Directories is { } folded
            ? folded.Directories.Where(d => failedEntries.Contains(d.Url)).SelectMany(d => d.CoveredUrls).ToList()
            : failedEntries.ToList();
        if (written is not null)
        {
            Save(ManifestUpdater.Build(scan.Current, _settings.BaseUrl.Value, _environment.Clock().UtcDateTime, written.PendingUrls.Concat(failedUrls)), scan);
        }

        var message = $"Tencent reported {failedEntries.Count} refreshes as failed: {Sample(failedEntries)}. They are kept in the manifest and sent again by the next run.";
        if (_settings.ContinueOnError)
        {
            Log.Warning(DiagnosticCodes.RefreshFailed, message);
        }
        else
        {
            Log.Error(DiagnosticCodes.RefreshFailed, message);
        }

        // Accepted but not done: no longer reported as refreshed.
        var failed = new HashSet<string>(failedUrls, StringComparer.Ordinal);
        return result with
        {
            RefreshFailedUrls = failedUrls,
            AcceptedUrls = result.AcceptedUrls.Where(u => !failed.Contains(u.Url)).ToList(),
            PendingUrls = result.PendingUrls.Concat(failedUrls).Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    private void Save(DeploymentManifest? manifest, ContentScan scan)
    {
        // A manifest of a newer version of this package is left alone (the warning said so).
        if (manifest is not null && _settings.ManifestPath is not null && scan.Local.MayOverwrite)
        {
            _store.Save(Path.GetFullPath(_settings.ManifestPath), manifest);
        }

        if (manifest is not null && _settings.PublishManifest)
        {
            _store.WritePublished(scan.ContentRoot, manifest);
        }
    }

    private RefreshResult PlannedResult(ContentScan scan, RefreshPlan plan) => new()
    {
        DryRun = _settings.DryRun,
        Action = UrlAction(),
        Endpoint = _settings.Endpoint,
        HadBaseline = plan.HasBaseline,
        FilesListed = scan.Listed.Count,
        FilesHashed = scan.Hashing.FilesHashed,
        FilesReused = scan.Hashing.FilesReused,
        Modified = plan.ModifiedCount,
        Deleted = plan.DeletedCount,
        Added = plan.AddedCount,
        Owed = plan.OwedCount,
        PlannedUrls = plan.Urls,
        BatchSize = _settings.BatchSize,
        Batches = (plan.Urls.Count + _settings.BatchSize - 1) / _settings.BatchSize,
        PendingUrls = plan.Urls,
    };

    /// <summary>What a real run would do with the quota, said without failing the dry run.</summary>
    private void LogDryRunDecision(QuotaDecision decision)
    {
        switch (decision)
        {
            case RefuseDecision refuse:
                Log.Warning(refuse.Code, refuse.Message);
                break;
            case SendDirectoriesDecision fold:
                Log.Summary("  " + fold.Explanation);
                foreach (var directory in fold.Plan.Directories)
                {
                    var urls = directory.CoveredUrls.Count;
                    Log.Summary($"  would refresh {directory.Url}, which covers {urls} {(urls == 1 ? "URL" : "URLs")}");
                }

                break;
            default:
                Log.Detail(decision.Explanation);
                break;
        }
    }

    private string UrlAction() =>
        _settings.Api == ApiVersion.V2 ? CdnApiV2Client.ActionFor(_settings.Area) : CdnApiV3Client.PurgeUrlsCacheAction;

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

    private static string Sample(IReadOnlyList<string> urls) =>
        string.Join(", ", urls.Take(10)) + (urls.Count > 10 ? $" and {urls.Count - 10} more" : string.Empty);

    private RefreshResult Finish(RefreshResult result)
    {
        result = result with { Elapsed = _stopwatch.Elapsed };
        RunReporter.Report(result, _settings, _environment);
        return result;
    }
}
