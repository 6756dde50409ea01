using System.Diagnostics;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Manifest;
using Qcloud.CdnRefresh.Build.Providers;
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

        var result = RefreshResults.Planned(settings, provider, scan, plan);
        if (settings.DryRun)
        {
            DryRunReport.Log(Log, await QuotaCheck.DecideAsync(provider, settings, plan.Urls, cancellationToken).ConfigureAwait(false), plan);
            return Finish(result);
        }

        // Decide on the quota and submit.
        var sent = new SubmissionResult { Batches = [] };
        if (plan.Urls.Count > 0)
        {
            var decision = await QuotaCheck.DecideAsync(provider, settings, plan.Urls, cancellationToken).ConfigureAwait(false);
            Log.Detail(decision.Explanation);
            sent = await RefreshSubmitter.SubmitAsync(provider, decision, plan.Urls, Log, cancellationToken).ConfigureAwait(false);
        }

        // Update the manifest with what was accepted.
        var recorder = new ManifestRecorder(settings, scan, environment.Clock);
        var update = recorder.Record(plan.Urls, sent.AcceptedUrls);
        Log.Detail(update.Reason);
        result = RefreshResults.Submitted(result, provider, sent, update.Manifest);

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
