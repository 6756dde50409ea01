using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Manifest;
using Qcloud.CdnRefresh.Build.Providers;
using Qcloud.CdnRefresh.Build.Reporting;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>
/// The optional wait (<c>CdnRefreshWait</c>): polls until Tencent reports the accepted refreshes done or failed, or
/// <c>CdnRefreshWaitTimeout</c> passes; what it gave up on is owed again, in the manifest, like a batch that was never
/// accepted.
/// </summary>
internal sealed class RefreshWaitStep
{
    private static readonly TimeSpan FirstInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(15);

    private readonly RefreshSettings _settings;
    private readonly RefreshEnvironment _environment;
    private readonly ManifestRecorder _recorder;

    public RefreshWaitStep(RefreshSettings settings, RefreshEnvironment environment, ManifestRecorder recorder)
    {
        _settings = settings;
        _environment = environment;
        _recorder = recorder;
    }

    private IRefreshLog Log => _environment.Log;

    /// <returns>The result, and whether the build was cancelled meanwhile (the failures learnt before are recorded).</returns>
    public async Task<(RefreshResult Result, bool Cancelled)> WaitAsync(IRefreshProvider provider, SendResult sent, DeploymentManifest? written, RefreshResult result, CancellationToken cancellationToken)
    {
        var batches = sent.Submission.AcceptedBatches.Select(b => SubmittedBatch.From(b, sent.Target)).ToList();
        var wait = await PollAsync(provider, batches, cancellationToken).ConfigureAwait(false);
        Log.Detail($"Waited {wait.Waited.TotalSeconds:0} s over {wait.Polls} status queries.");

        // Failures first: whatever else happened (a failed query, a cancellation), what Tencent gave up on is owed again.
        if (wait.Failed.Count > 0)
        {
            result = RecordFailedRefreshes(wait.Failed, sent, written, result);
        }

        if (wait.Cancelled)
        {
            return (result, true);
        }

        if (wait.QueryFailure is not null)
        {
            Log.Warning(DiagnosticCodes.StatusUnavailable, $"The refresh status could not be read ({wait.QueryFailure.Brief}); the refreshes were accepted, but whether they finished is not known.");
        }
        else if (wait.TimedOut)
        {
            Log.Warning(DiagnosticCodes.WaitTimedOut, $"{wait.StillRunning.Count} refreshes were still running after CdnRefreshWaitTimeout ({_settings.WaitTimeout.TotalSeconds:0} s): {Sample(wait.StillRunning)}. They were accepted and usually finish within minutes.");
            result = result with { StillRunning = wait.StillRunning };
        }

        return (result, false);
    }

    /// <summary>
    /// Time is the larger of the delays asked for and the clock, so the injected delay of tests makes waiting instant and
    /// the timeout deterministic.
    /// </summary>
    private async Task<WaitResult> PollAsync(IRefreshProvider provider, IReadOnlyList<SubmittedBatch> batches, CancellationToken cancellationToken)
    {
        var timeout = _settings.WaitTimeout;
        var started = _environment.Clock();
        var waited = TimeSpan.Zero;
        var interval = FirstInterval;
        var polls = 0;

        // Failures seen on any poll are kept: a later poll that fails or a cancellation must not forget them.
        var failed = new List<string>();
        var failedSet = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (true)
            {
                polls++;
                var status = await provider.GetStatusAsync(batches, cancellationToken).ConfigureAwait(false);
                failed.AddRange(status.FailedUrls.Where(failedSet.Add));
                if (status.Failure is not null)
                {
                    return new WaitResult { Failed = failed, QueryFailure = status.Failure, Polls = polls, Waited = waited };
                }

                // Not in the log yet counts as running: v2 logs appear a little after the submission.
                var running = status.Statuses.Where(s => s.Status is RefreshStatus.Running or RefreshStatus.Unknown).Select(s => s.Url).ToList();
                if (running.Count == 0 || waited >= timeout)
                {
                    return new WaitResult { Failed = failed, StillRunning = running, Polls = polls, Waited = waited };
                }

                var next = interval < timeout - waited ? interval : timeout - waited;
                await _environment.Delay(next, cancellationToken).ConfigureAwait(false);

                // The pauses asked for, or the clock when status calls themselves take time: whichever says more.
                var elapsed = _environment.Clock() - started;
                waited = waited + next > elapsed ? waited + next : elapsed;
                interval = TimeSpan.FromTicks(Math.Min(MaxInterval.Ticks, (long)(interval.Ticks * 1.5)));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new WaitResult { Failed = failed, Cancelled = true, Polls = polls, Waited = waited };
        }
    }

    private RefreshResult RecordFailedRefreshes(IReadOnlyList<string> failedEntries, SendResult sent, DeploymentManifest? written, RefreshResult result)
    {
        var failedUrls = sent.Directories is { } folded
            ? folded.Directories.Where(d => failedEntries.Contains(d.Url)).SelectMany(d => d.CoveredUrls).ToList()
            : failedEntries.ToList();
        if (written is not null)
        {
            _recorder.RecordFailed(written, failedUrls);
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

    private static string Sample(IReadOnlyList<string> urls) =>
        string.Join(", ", urls.Take(10)) + (urls.Count > 10 ? $" and {urls.Count - 10} more" : string.Empty);
}
