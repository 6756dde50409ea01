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

    /// <returns>The result, and whether the build was cancelled meanwhile (the failures learnt before are recorded).</returns>
    public async Task<(RefreshResult Result, bool Cancelled)> WaitAsync(
        IRefreshProvider provider, SubmissionResult sent, DeploymentManifest? written, RefreshResult result, CancellationToken cancellationToken)
    {
        var wait = await PollAsync(provider, sent.AcceptedBatches.ToList(), cancellationToken).ConfigureAwait(false);
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
        else if (wait.StillRunning.Count > 0)
        {
            Log.Warning(DiagnosticCodes.WaitTimedOut, $"{wait.StillRunning.Count} refreshes were still running after CdnRefreshWaitTimeout ({settings.WaitTimeout.TotalSeconds:0} s): {Sample(wait.StillRunning)}. They were accepted and usually finish within minutes.");
            result = result with { StillRunning = wait.StillRunning };
        }

        return (result, false);
    }

    /// <summary>
    /// Time is the larger of the delays asked for and the clock, so the injected delay of tests makes waiting instant and
    /// the timeout deterministic.
    /// </summary>
    private async Task<Polled> PollAsync(IRefreshProvider provider, IReadOnlyList<BatchOutcome> batches, CancellationToken cancellationToken)
    {
        var timeout = settings.WaitTimeout;
        var started = environment.Clock();
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
                    return new Polled(failed, [], status.Failure, Cancelled: false, polls, waited);
                }

                // Not in the log yet counts as running: v2 logs appear a little after the submission.
                var running = status.Statuses.Where(s => s.Status is RefreshStatus.Running or RefreshStatus.Unknown).Select(s => s.Url).ToList();
                if (running.Count == 0 || waited >= timeout)
                {
                    return new Polled(failed, running, QueryFailure: null, Cancelled: false, polls, waited);
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
            return new Polled(failed, [], QueryFailure: null, Cancelled: true, polls, waited);
        }
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

        var message = $"Tencent reported {failedEntries.Count} refreshes as failed: {Sample(failedEntries)}. They are kept in the manifest and sent again by the next run.";
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

    /// <summary>
    /// How polling ended: the entries (URLs or directories, as sent) Tencent reported as failed on any poll; those still
    /// running when <c>CdnRefreshWaitTimeout</c> passed (empty unless it did); why the status could not be read, if it
    /// could not; whether the build was cancelled meanwhile; and the status queries made and the time they took.
    /// </summary>
    private sealed record Polled(
        IReadOnlyList<string> Failed, IReadOnlyList<string> StillRunning, ApiFailure? QueryFailure, bool Cancelled, int Polls, TimeSpan Waited);

    private static string Sample(IReadOnlyList<string> urls) =>
        string.Join(", ", urls.Take(10)) + (urls.Count > 10 ? $" and {urls.Count - 10} more" : string.Empty);
}
