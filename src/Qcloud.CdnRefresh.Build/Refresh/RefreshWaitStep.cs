using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Manifest;
using Qcloud.CdnRefresh.Build.Providers;
using Qcloud.CdnRefresh.Build.Reporting;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>
/// The optional wait (<c>CdnRefreshWait</c>): polls until Tencent reports the accepted refreshes done; what it gave up
/// on is owed again, in the manifest, like a batch that was never accepted.
/// </summary>
internal sealed class RefreshWaitStep
{
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
        var wait = await RefreshWaiter.WaitAsync(provider, batches, _settings.WaitTimeout, _environment.Delay, _environment.Clock, cancellationToken).ConfigureAwait(false);
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
