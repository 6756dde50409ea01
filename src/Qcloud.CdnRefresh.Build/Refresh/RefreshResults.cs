using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Configuration;
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
    public static RefreshResult Submitted(RefreshResult planned, IRefreshProvider provider, SubmissionResult sent, DeploymentManifest? written)
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
}
