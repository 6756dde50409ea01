using System.Collections.Generic;
using System.Linq;
using Microsoft.Build.Framework;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

/// <summary>What one <c>Execute</c> of the task did: its result, what it logged, and the requests the fake API saw meanwhile.</summary>
internal sealed record TaskOutcome(
    bool Succeeded,
    IReadOnlyList<BuildErrorEventArgs> Errors,
    IReadOnlyList<BuildWarningEventArgs> Warnings,
    IReadOnlyList<BuildMessageEventArgs> Messages,
    IReadOnlyList<string> RefreshedUrls,
    IReadOnlyList<RecordedRequest> Requests)
{
    public IReadOnlyList<RecordedRequest> Purges => Requests.Where(r => r.Action is "PurgeUrlsCache" or "RefreshCdnOverSeaUrl" or "RefreshCdnUrl" || (r.Action == "CreatePurgeTask" && r.Urls.Count > 0)).ToList();

    /// <summary>URLs of the purge requests the API accepted, in order.</summary>
    public IReadOnlyList<string> AcceptedPurgeUrls => Purges.Where(r => r.StatusCode == 200 && (r.ApiCode is null || r.ApiCode == "0") && r.Fault is null).SelectMany(r => r.Urls).ToList();

    public IReadOnlyList<string> ErrorCodes => Errors.Select(e => e.Code).ToList();

    public IReadOnlyList<string> WarningCodes => Warnings.Select(w => w.Code).ToList();

    public string AllText => string.Join("\n", Errors.Select(e => e.Message).Concat(Warnings.Select(w => w.Message)).Concat(Messages.Select(m => m.Message)));
}
