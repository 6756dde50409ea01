using System.Diagnostics;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Manifest;
using Qcloud.CdnRefresh.Build.Providers;
using Qcloud.CdnRefresh.Build.Quota;
using Qcloud.CdnRefresh.Build.Reporting;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>
/// One refresh, start to end: list and hash the content root, diff it against the baseline, plan the URLs, decide on
/// the quota, submit through the provider, update the manifest, report, and optionally wait for Tencent to finish.
/// The manifest is saved even when a batch fails or the build is cancelled, so that nothing accepted is sent twice and
/// nothing owed is lost.
/// </summary>
internal sealed class RefreshRun(RefreshSettings settings, RefreshEnvironment environment)
{
    private readonly Stopwatch _stopwatch = new();

    private IRefreshLog Log => environment.Log;

    public async Task<RefreshResult> RunAsync(CancellationToken cancellationToken)
    {
        _stopwatch.Restart();
        if (settings.AreaIgnored)
        {
            Log.Warning(DiagnosticCodes.AreaNotApplicable, $"CdnRefreshArea '{settings.Area}' does not apply with CdnRefreshApi={settings.Api.Name}: the zone {settings.ZoneId} decides where its cache is purged. Remove CdnRefreshArea.");
        }

        var manifestPath = settings.ManifestPath is null ? null : Path.GetFullPath(settings.ManifestPath);
        // The lock is held through CdnRefreshWait, so a second build waits that long too before giving up.
        var lockTimeout = environment.ManifestLockTimeout + (settings.Wait ? settings.WaitTimeout : TimeSpan.Zero);
        using var manifestLock = settings.DryRun || manifestPath is null ? null : ManifestLock.Acquire(manifestPath, lockTimeout, cancellationToken);
        using var provider = settings.Api.Create(ProviderContextFor(manifestPath));

        // List and hash, diff against the baseline, plan the URLs.
        var scan = await ContentScan.RunAsync(settings, environment, manifestPath, cancellationToken).ConfigureAwait(false);
        Log.Detail($"Content root {scan.ContentRoot}; manifest {manifestPath ?? "(none)"}; baseline {settings.BaselineUrl?.ToString() ?? "local manifest"}.");
        if (scan.Plan is not { } plan)
        {
            Log.Warning(DiagnosticCodes.ContentRootEmpty, $"The content root '{scan.ContentRoot}' has no files to refresh (after exclusions). Nothing was sent and the manifest was not changed. Check CdnRefreshContentRoot and PublishDir.");
            return Finish(new RefreshResult { DryRun = settings.DryRun, Action = provider.UrlAction, Endpoint = provider.Endpoint });
        }

        foreach (var path in plan.ImmutableLeftAlone)
        {
            Log.Detail($"Immutable, left alone: {path}");
        }

        var result = Planned(provider, scan, plan);
        if (settings.DryRun)
        {
            RunReporter.DryRun(Log, await DecideQuotaAsync(provider, plan.Urls, cancellationToken).ConfigureAwait(false), plan);
            return Finish(result);
        }

        // Decide on the quota and submit.
        var sent = new SubmissionResult { Batches = [] };
        if (plan.Urls.Count > 0)
        {
            var decision = await DecideQuotaAsync(provider, plan.Urls, cancellationToken).ConfigureAwait(false);
            Log.Detail(decision.Explanation);
            sent = await SubmitAsync(provider, decision, plan.Urls, cancellationToken).ConfigureAwait(false);
        }

        // Update the manifest with what was accepted.
        var recorder = new ManifestRecorder(settings, scan, environment.Clock);
        var update = recorder.Record(plan.Urls, sent.AcceptedUrls);
        Log.Detail(update.Reason);
        result = Submitted(result, provider, sent, update.Manifest);

        // Optionally wait until Tencent reports the refreshes done.
        var cancelled = sent.Cancelled;
        if (!cancelled && settings.Wait && result.BatchesAccepted > 0)
        {
            (result, cancelled) = await new RefreshWaitStep(settings, environment, recorder)
                .WaitAsync(provider, sent, update.Manifest, result, cancellationToken).ConfigureAwait(false);
        }

        // Report.
        result = Finish(result);
        return cancelled ? throw new OperationCanceledException(cancellationToken) : result;
    }

    /// <summary>
    /// The quota decision: the URLs go out as URLs, folded into directories, or not at all. A dry run decides offline,
    /// from what the provider knows without credentials. A real run over <c>CdnRefreshDailyQuota</c> with no fallback is
    /// refused offline, before any credential is read or request made; otherwise the provider asks its quota source.
    /// </summary>
    /// <exception cref="CdnRefreshException">A real run that does not fit today's quota.</exception>
    private async Task<QuotaDecision> DecideQuotaAsync(
        IRefreshProvider provider, IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        var request = new QuotaRequest(urls, settings.BaseUrls, settings.Area, settings.DailyQuota, settings.BatchSize, settings.OverQuota);
        var offline = settings.DryRun || (settings.OverQuota == OverQuotaMode.Fail && urls.Count > settings.DailyQuota);
        var today = await provider.ReadQuotaAsync(request, offline, cancellationToken).ConfigureAwait(false);
        var decision = QuotaDecision.Decide(request, today);
        if (offline && !settings.DryRun && decision.Refusal is null)
        {
            today = await provider.ReadQuotaAsync(request, offline: false, cancellationToken).ConfigureAwait(false);
            decision = QuotaDecision.Decide(request, today);
        }

        return decision.Refusal is { } refusal && !settings.DryRun ? throw refusal : decision;
    }

    /// <summary>
    /// Submits what the quota decision allows, in batches: the URLs themselves, or the directories they were folded
    /// into. The result counts in URLs either way.
    /// </summary>
    private async Task<SubmissionResult> SubmitAsync(
        IRefreshProvider provider, QuotaDecision decision, IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        var plan = decision.Plan;
        var target = plan is null ? RefreshTarget.Urls : RefreshTarget.Directories;
        if (plan is not null)
        {
            var count = plan.CoveredUrls.Count;
            Log.Summary($"Over the URL quota ({decision.Explanation}); CdnRefreshOverQuota=directory refreshes {count} "
                + $"{(count == 1 ? "directory" : "directories")} instead:");
            foreach (var directory in plan.CoveredUrls)
            {
                var covered = directory.Value.Count;
                Log.Summary($"  {directory.Key} covers {covered} {(covered == 1 ? "URL" : "URLs")}");
            }
        }

        var submission = await new BatchSubmitter((batch, token) => provider.SubmitAsync(target, batch, token), decision.BatchSize)
            .SubmitAsync(plan?.DirectoryUrls ?? urls, LogBatch, cancellationToken).ConfigureAwait(false);
        provider.RecordAccepted(target, submission.AcceptedCount);
        return submission with { CoveredUrls = plan?.CoveredUrls };
    }

    private void LogBatch(BatchOutcome batch) => Log.Detail(
        $"Batch {batch.Label}: {batch.Urls.Count} entries {batch.Status.ToString().ToLowerInvariant()}"
        + $"{(batch.TaskId is { } id ? ", task " + id : string.Empty)}.");

    /// <summary>What the plan says, before anything is sent (all a dry run has).</summary>
    private RefreshResult Planned(IRefreshProvider provider, ContentScan scan, RefreshPlan plan) => new()
    {
        DryRun = settings.DryRun,
        Action = provider.UrlAction,
        Endpoint = provider.Endpoint,
        HadBaseline = plan.HasBaseline,
        FilesListed = scan.Current.Count,
        FilesHashed = scan.Hashing.FilesHashed,
        FilesReused = scan.Hashing.FilesReused,
        Modified = plan.ModifiedCount,
        Deleted = plan.DeletedCount,
        Added = plan.AddedCount,
        Owed = plan.OwedCount,
        ImmutableLeftAlone = plan.ImmutableLeftAlone.Count,
        PlannedUrls = plan.Urls,
        BaseUrls = plan.BaseUrls,
        BatchSize = settings.BatchSize,
        Batches = (plan.Urls.Count + settings.BatchSize - 1) / settings.BatchSize,
        PendingUrls = plan.Urls,
    };

    /// <summary>What was submitted and recorded; the failure that stopped the submission, with its code and advice.</summary>
    private static RefreshResult Submitted(
        RefreshResult planned, IRefreshProvider provider, SubmissionResult sent, DeploymentManifest? written)
    {
        var directories = sent.Target == RefreshTarget.Directories;
        var failure = SubmissionFailureMessage.Describe(sent, provider.Endpoint);
        return planned with
        {
            Action = directories ? provider.DirectoryAction : planned.Action,
            Directories = directories ? sent.Batches.SelectMany(b => b.Urls).ToList() : Array.Empty<string>(),
            Batches = sent.TotalBatches,
            AcceptedUrls = sent.AcceptedBatches.SelectMany(b => b.AcceptedEntries.SelectMany(entry =>
                sent.UrlsOf(entry).Select(url => new RefreshedUrl(url, b.Number, b.TaskId, directories ? entry : null)))).ToList(),
            PendingUrls = written?.PendingUrls ?? sent.NotAcceptedUrls,
            BatchesAccepted = sent.AcceptedBatches.Count(),
            ManifestWritten = written is not null,
            FailureCode = failure?.Code,
            FailureMessage = failure?.Message,
        };
    }

    private ProviderContext ProviderContextFor(string? manifestPath) => new(
        Client: new ApiClientOptions
        {
            Endpoint = settings.Endpoint,
            Area = settings.Area,
            ZoneId = settings.ZoneId ?? string.Empty,
            SignatureMethod = settings.SignatureMethod,
            MaxRetries = settings.MaxRetries,
            RequestTimeout = settings.Timeout,
            Handler = environment.Handler,
            Clock = environment.Clock,
            Delay = environment.Delay,
            RequestTimer = environment.RequestTimer,
            OnRetry = notice => Log.Warning(
                DiagnosticCodes.ApiRetrying,
                $"{notice.Action} attempt {notice.Attempt} of {notice.MaxAttempts} failed ({notice.Failure.Brief}); retrying in {notice.Delay.TotalSeconds:0.#} s."),
        },
        Credentials: environment.Credentials,
        Log: Log,
        ManifestPath: manifestPath);

    private RefreshResult Finish(RefreshResult result)
    {
        result = result with { Elapsed = _stopwatch.Elapsed };
        RunReporter.Report(result, settings, environment);
        return result;
    }
}
