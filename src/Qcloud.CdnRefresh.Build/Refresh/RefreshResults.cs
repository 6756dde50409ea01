using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Manifest;
using Qcloud.CdnRefresh.Build.Providers;
using Qcloud.CdnRefresh.Build.Reporting;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>Fills the run's <see cref="RefreshResult"/> from the steps' results.</summary>
internal static class RefreshResults
{
    /// <summary>What the plan says, before anything is sent (all a dry run has).</summary>
    public static RefreshResult Planned(RefreshSettings settings, IRefreshProvider provider, ContentScan scan, RefreshPlan plan) => new()
    {
        DryRun = settings.DryRun,
        Action = provider.UrlAction,
        Endpoint = provider.Endpoint,
        HadBaseline = plan.HasBaseline,
        FilesListed = scan.Listed.Count,
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
    public static RefreshResult Submitted(RefreshResult planned, SendResult? sent, DeploymentManifest? written, Uri endpoint)
    {
        var result = planned with
        {
            Action = sent?.Action ?? planned.Action,
            Directories = sent?.Directories?.DirectoryUrls ?? Array.Empty<string>(),
            Batches = sent?.Submission.TotalBatches ?? 0,
            AcceptedUrls = sent?.Accepted ?? Array.Empty<RefreshedUrl>(),
            PendingUrls = written?.PendingUrls ?? sent?.NotAccepted ?? Array.Empty<string>(),
            BatchesAccepted = sent?.Submission.AcceptedBatches.Count() ?? 0,
            ManifestWritten = written is not null,
        };

        if (sent?.Submission.Failure is { } failure && sent.Submission.FailedBatch is { } failedBatch)
        {
            var (code, message) = ApiFailureMessage.Describe(failure, failedBatch, sent, endpoint);
            result = result with { FailureCode = code, FailureMessage = message + RejectedMessage.Also(sent) };
        }
        else if (sent is not null && sent.Submission.Rejected.Count > 0)
        {
            result = result with { FailureCode = DiagnosticCodes.TargetsRejected, FailureMessage = RejectedMessage.Describe(sent) };
        }

        return result;
    }
}
