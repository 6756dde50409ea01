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
internal sealed class RefreshWaitStep(RefreshSettings settings, RefreshEnvironment environment, ManifestRecorder recorder)
{
    private static readonly TimeSpan FirstInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(15);

    private IRefreshLog Log => environment.Log;

    /// <summary>
    /// Time is the larger of the delays asked for and the clock, so the injected delay of tests makes waiting instant and
    /// the timeout deterministic.
    /// </summary>
    /// <returns>The result, and whether the build was cancelled meanwhile (the failures learnt before are recorded).</returns>
    public async Task<(RefreshResult Result, bool Cancelled)> WaitAsync(
        IRefreshProvider provider, SubmissionResult sent, DeploymentManifest? written, RefreshResult result, CancellationToken cancellationToken)
    {
        var batches = sent.AcceptedBatches.ToList();
        var timeout = settings.WaitTimeout;
        var started = environment.Clock();
        var waited = TimeSpan.Zero;
        var interval = FirstInterval;
        var polls = 0;

        // The entries (URLs or directories, as sent) Tencent reported as failed on any poll are kept: a later poll that
        // fails or a cancellation must not forget them.
        var failed = new List<string>();
        var failedSet = new HashSet<string>(StringComparer.Ordinal);
        var running = new List<string>();
        ApiFailure? queryFailure = null;
        var cancelled = false;
        try
        {
            while (true)
            {
                polls++;
                var status = await provider.GetStatusAsync(batches, cancellationToken).ConfigureAwait(false);
                failed.AddRange(status.FailedUrls.Where(failedSet.Add));
                queryFailure = status.Failure;

                // Not in the log yet counts as running: v2 logs appear a little after the submission.
                running = status.Statuses.Where(s => s.Status is RefreshStatus.Running or RefreshStatus.Unknown).Select(s => s.Url).ToList();
                if (queryFailure is not null || running.Count == 0 || waited >= timeout)
                {
                    break;
                }

                var next = interval < timeout - waited ? interval : timeout - waited;
                await environment.Delay(next, cancellationToken).ConfigureAwait(false);

                // The pauses asked for, or the clock when status calls themselves take time: whichever says more.
                var elapsed = environment.Clock() - started;
                waited = waited + next > elapsed ? waited + next : elapsed;
                interval = TimeSpan.FromTicks(Math.Min(MaxInterval.Ticks, (long)(interval.Ticks * 1.5)));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }

        Log.Detail($"Waited {waited.TotalSeconds:0} s over {polls} status queries.");

        // Failures first: whatever else happened (a failed query, a cancellation), what Tencent gave up on is owed again.
        if (failed.Count > 0)
        {
            result = RecordFailedRefreshes(failed, sent, written, result);
        }

        if (cancelled)
        {
            return (result, true);
        }

        if (queryFailure is not null)
        {
            Log.Warning(DiagnosticCodes.StatusUnavailable, $"The refresh status could not be read ({queryFailure.Brief}); the refreshes were accepted, but whether they finished is not known.");
        }
        else if (running.Count > 0)
        {
            Log.Warning(DiagnosticCodes.WaitTimedOut, $"{running.Count} refreshes were still running after CdnRefreshWaitTimeout ({settings.WaitTimeout.TotalSeconds:0} s): {SubmissionFailureMessage.Sample(running, running.Count)}. They were accepted and usually finish within minutes.");
            result = result with { StillRunning = running };
        }

        return (result, false);
    }

    private RefreshResult RecordFailedRefreshes(IReadOnlyList<string> failedEntries, SubmissionResult sent, DeploymentManifest? written, RefreshResult result)
    {
        // Directories in the order they were planned, each with the URLs it covers.
        var failedUrls = sent.Target == RefreshTarget.Directories
            ? sent.Batches.SelectMany(b => b.Urls).Where(failedEntries.Contains).SelectMany(sent.UrlsOf).ToList()
            : failedEntries.ToList();
        if (written is not null)
        {
            recorder.RecordFailed(written, failedUrls);
        }

        var message = $"Tencent reported {failedEntries.Count} refreshes as failed: {SubmissionFailureMessage.Sample(failedEntries, failedEntries.Count)}. They are kept in the manifest and sent again by the next run.";
        RunReporter.Failure(Log, settings, DiagnosticCodes.RefreshFailed, message);

        // Accepted but not done: no longer reported as refreshed.
        var failed = new HashSet<string>(failedUrls, StringComparer.Ordinal);
        return result with
        {
            RefreshFailedUrls = failedUrls,
            AcceptedUrls = result.AcceptedUrls.Where(u => !failed.Contains(u.Url)).ToList(),
            PendingUrls = result.PendingUrls.Concat(failedUrls).Distinct(StringComparer.Ordinal).ToList(),
        };
    }
}
