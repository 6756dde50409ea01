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
internal sealed class RefreshRun
{
    private readonly RefreshSettings _settings;
    private readonly RefreshEnvironment _environment;
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
        if (_settings.AreaIgnored)
        {
            Log.Warning(DiagnosticCodes.AreaNotApplicable, $"CdnRefreshArea '{_settings.Area}' does not apply with CdnRefreshApi={_settings.Api.Name}: the zone {_settings.ZoneId} decides where its cache is purged. Remove CdnRefreshArea.");
        }

        var manifestPath = _settings.ManifestPath is null ? null : Path.GetFullPath(_settings.ManifestPath);
        // The lock is held through CdnRefreshWait, so a second build waits that long too before giving up.
        var lockTimeout = _environment.ManifestLockTimeout + (_settings.Wait ? _settings.WaitTimeout : TimeSpan.Zero);
        using var manifestLock = _settings.DryRun || manifestPath is null ? null : ManifestLock.Acquire(manifestPath, lockTimeout, cancellationToken);
        using var provider = _settings.Api.Create(ProviderContextFor(manifestPath));

        // List and hash, diff against the baseline, plan the URLs.
        var scan = await ContentScan.RunAsync(_settings, _environment, manifestPath, cancellationToken).ConfigureAwait(false);
        Log.Detail($"Content root {scan.ContentRoot}; manifest {manifestPath ?? "(none)"}; baseline {_settings.BaselineUrl?.ToString() ?? "local manifest"}.");
        if (scan.Plan is not { } plan)
        {
            Log.Warning(DiagnosticCodes.ContentRootEmpty, $"The content root '{scan.ContentRoot}' has no files to refresh (after exclusions). Nothing was sent and the manifest was not changed. Check CdnRefreshContentRoot and PublishDir.");
            return Finish(new RefreshResult { DryRun = _settings.DryRun, Action = provider.UrlAction, Endpoint = provider.Endpoint });
        }

        foreach (var path in plan.ImmutableLeftAlone)
        {
            Log.Detail($"Immutable, left alone: {path}");
        }

        var result = RefreshResults.Planned(_settings, provider, scan, plan);
        if (_settings.DryRun)
        {
            DryRunReport.Log(Log, await QuotaCheck.DecideAsync(provider, _settings, plan.Urls, cancellationToken).ConfigureAwait(false), plan);
            return Finish(result);
        }

        // Decide on the quota and submit.
        SendResult? sent = null;
        if (plan.Urls.Count > 0)
        {
            var decision = await QuotaCheck.DecideAsync(provider, _settings, plan.Urls, cancellationToken).ConfigureAwait(false);
            Log.Detail(decision.Explanation);
            sent = await RefreshSubmitter.SubmitAsync(provider, decision, plan.Urls, Log, cancellationToken).ConfigureAwait(false);
        }

        // Update the manifest with what was accepted.
        var recorder = new ManifestRecorder(_settings, scan, _environment.Clock);
        var update = recorder.Record(plan.Urls, sent?.Accepted.Select(u => u.Url) ?? Array.Empty<string>());
        Log.Detail(update.Reason);
        result = RefreshResults.Submitted(result, sent, update.Manifest, _settings.Endpoint);

        // Optionally wait until Tencent reports the refreshes done.
        var cancelled = sent?.Submission.Cancelled == true;
        if (!cancelled && _settings.Wait && sent is not null && result.BatchesAccepted > 0)
        {
            (result, cancelled) = await new RefreshWaitStep(_settings, _environment, recorder)
                .WaitAsync(provider, sent, update.Manifest, result, cancellationToken).ConfigureAwait(false);
        }

        // Report.
        result = Finish(result);
        return cancelled ? throw new OperationCanceledException(cancellationToken) : result;
    }

    private ProviderContext ProviderContextFor(string? manifestPath) => new()
    {
        Client = new ApiClientOptions
        {
            Endpoint = _settings.Endpoint,
            Area = _settings.Area,
            ZoneId = _settings.ZoneId ?? string.Empty,
            SignatureMethod = _settings.SignatureMethod,
            MaxRetries = _settings.MaxRetries,
            RequestTimeout = _settings.Timeout,
            Handler = _environment.Handler,
            Clock = _environment.Clock,
            Delay = _environment.Delay,
            RequestTimer = _environment.RequestTimer,
            OnRetry = notice => Log.Warning(
                DiagnosticCodes.ApiRetrying,
                $"{notice.Action} attempt {notice.Attempt} of {notice.MaxAttempts} failed ({notice.Failure.Brief}); retrying in {notice.Delay.TotalSeconds:0.#} s."),
        },
        Credentials = _environment.Credentials,
        Log = Log,
        ManifestPath = manifestPath,
    };

    private RefreshResult Finish(RefreshResult result)
    {
        result = result with { Elapsed = _stopwatch.Elapsed };
        RunReporter.Report(result, _settings, _environment);
        return result;
    }
}
