using System.Linq;
using System.Threading;
using System;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Credentials;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Refresh;
using Qcloud.CdnRefresh.Build.Reporting;

namespace Qcloud.CdnRefresh.Build.MSBuild;

/// <summary>
/// Refreshes on Tencent Cloud CDN the URLs of the published files that changed since the last refresh.
/// Thin by design: it reads its parameters, hands them to <see cref="RefreshRun"/>, and logs.
/// Credentials are read from the environment inside the task, never from parameters.
/// </summary>
public sealed class RefreshCdnOversea : Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The publish output folder (<c>$(PublishDir)</c>).</summary>
    [Required]
    public string PublishDir { get; set; } = string.Empty;

    /// <summary>Folder under <see cref="PublishDir"/> served at <see cref="BaseUrl"/>; default <c>wwwroot</c> when present, else the publish folder.</summary>
    public string? ContentRoot { get; set; }

    /// <summary>Absolute http(s) URL at which the content root is served (<c>CdnRefreshBaseUrl</c>); may carry a path prefix.</summary>
    public string? BaseUrl { get; set; }

    /// <summary><c>v3</c> (default, API 3.0 PurgeUrlsCache) or <c>v2</c> (API 2.0 RefreshCdnOverSeaUrl).</summary>
    public string? Api { get; set; }

    /// <summary><c>overseas</c> (default) or <c>mainland</c>.</summary>
    public string? Area { get; set; }

    /// <summary>Where requests go; empty means Tencent's endpoint for <see cref="Api"/>. Plain http only to a loopback host.</summary>
    public string? Endpoint { get; set; }

    /// <summary>API 2.0 only: <c>HmacSHA1</c> (default) or <c>HmacSHA256</c>.</summary>
    public string? SignatureMethod { get; set; }

    /// <summary>URLs per request, 1 to 1000 (default 1000).</summary>
    public string? BatchSize { get; set; }

    /// <summary>URLs a day (default 10000): a run that needs more fails before it sends anything.</summary>
    public string? DailyQuota { get; set; }

    /// <summary><c>true</c>: plan only; send nothing, read no credentials, write no manifest.</summary>
    public string? DryRun { get; set; }

    /// <summary>Path of the local baseline manifest, read before and written after the run.</summary>
    public string? Manifest { get; set; }

    /// <summary>When set, the baseline manifest is fetched from this URL instead of the local file.</summary>
    public string? BaselineUrl { get; set; }

    /// <summary><c>true</c>: also write the new manifest into the content root as <c>cdn-refresh-manifest.json</c>.</summary>
    public string? PublishManifest { get; set; }

    /// <summary>With no baseline: <c>all</c> (default) refreshes every file, <c>none</c> only records the baseline.</summary>
    public string? WithoutBaseline { get; set; }

    /// <summary><c>true</c>: also refresh files that are new since the baseline.</summary>
    public string? AddedFiles { get; set; }

    /// <summary>A changed <c>dir/&lt;index&gt;</c> also refreshes <c>dir/</c> (default <c>index.html</c>; empty turns it off).</summary>
    public string? DirectoryIndex { get; set; }

    /// <summary><c>true</c>: API failures are logged as warnings instead of errors (<c>CdnRefreshContinueOnError</c>).</summary>
    public string? ContinueOnApiError { get; set; }

    /// <summary>Retries of a request that failed in a way that is safe to retry (default 3).</summary>
    public string? MaxRetries { get; set; }

    /// <summary>Seconds allowed per HTTP request (default 30).</summary>
    public string? Timeout { get; set; }

    /// <summary>Path of a JSON report of the run; empty writes none.</summary>
    public string? Report { get; set; }

    /// <summary>Over the daily quota: <c>fail</c> (default) sends nothing, <c>directory</c> refreshes the changed files' directories instead.</summary>
    public string? OverQuota { get; set; }

    /// <summary><c>true</c>: after submitting, wait until Tencent reports every refresh done (<c>CdnRefreshWait</c>).</summary>
    public string? Wait { get; set; }

    /// <summary>Seconds to wait for the refreshes to finish (default 300); then a warning.</summary>
    public string? WaitTimeout { get; set; }

    /// <summary>Globs relative to the content root that are never refreshed (<c>CdnRefreshExclude</c> items).</summary>
    public ITaskItem[] Exclude { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Globs relative to the content root that are never refreshed, separated by <c>;</c> (<c>CdnRefreshExcludePatterns</c>).</summary>
    public string? ExcludePatterns { get; set; }

    /// <summary>Names of secret-looking properties the project set; each is refused with an explanation.</summary>
    public ITaskItem[] SecretPropertyNames { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// The URLs accepted by the API in this run (with <c>CdnRefreshWait</c>, less those Tencent reported failed), with metadata
    /// <c>Batch</c> (1-based), <c>TaskId</c> and <c>Directory</c> (the directory refresh that covered the URL, if any).
    /// </summary>
    [Output]
    public ITaskItem[] RefreshedUrls { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>Test seam: builds the run's environment (credentials, transport, clock) around the task's log.</summary>
    internal Func<IRefreshLog, RefreshEnvironment> EnvironmentFactory { get; set; } = RefreshEnvironment.FromProcess;

    /// <inheritdoc />
    public void Cancel() => _cancellation.Cancel();

    /// <inheritdoc />
    public override bool Execute()
    {
        var log = new TaskLogAdapter(Log);
        foreach (var name in SecretPropertyNames)
        {
            log.Error(
                DiagnosticCodes.SecretInProperty,
                $"The property {name.ItemSpec} looks like a secret. Secrets in MSBuild properties end up in logs and binary logs, so they are never read. "
                + $"Remove it and set the environment variables {CredentialsReader.SecretIdVariable} and {CredentialsReader.SecretKeyVariable} "
                + $"(and {CredentialsReader.TokenVariable} for a temporary key) in the step that runs the build.");
        }

        if (Log.HasLoggedErrors)
        {
            return false;
        }

        try
        {
            var settings = RefreshSettingsParser.Parse(ToRawSettings());
            var run = new RefreshRun(settings, EnvironmentFactory(log));
            var result = run.RunAsync(_cancellation.Token).GetAwaiter().GetResult();
            RefreshedUrls = result.AcceptedUrls
                .Select(url => (ITaskItem)new TaskItem(url.Url, new System.Collections.Generic.Dictionary<string, string>
                {
                    ["Batch"] = url.Batch.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["TaskId"] = url.TaskId ?? string.Empty,
                    ["Directory"] = url.Directory ?? string.Empty,
                }))
                .ToArray();
        }
        catch (CdnRefreshException e)
        {
            log.Error(e.Code, e.Message);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            // The build is stopping; what was accepted before the cancellation is already in the manifest.
            Log.LogMessage(MessageImportance.High, "CdnRefresh: cancelled.");
            return false;
        }

        return !Log.HasLoggedErrors;
    }

    private RawSettings ToRawSettings() => new()
    {
        PublishDir = PublishDir,
        ContentRoot = ContentRoot,
        BaseUrl = BaseUrl,
        Api = Api,
        Area = Area,
        Endpoint = Endpoint,
        SignatureMethod = SignatureMethod,
        BatchSize = BatchSize,
        DailyQuota = DailyQuota,
        DryRun = DryRun,
        Manifest = Manifest,
        BaselineUrl = BaselineUrl,
        PublishManifest = PublishManifest,
        WithoutBaseline = WithoutBaseline,
        AddedFiles = AddedFiles,
        DirectoryIndex = DirectoryIndex,
        ContinueOnError = ContinueOnApiError,
        MaxRetries = MaxRetries,
        Timeout = Timeout,
        Report = Report,
        OverQuota = OverQuota,
        Wait = Wait,
        WaitTimeout = WaitTimeout,
        Exclude = Exclude
            .Select(item => item.ItemSpec)
            .Concat((ExcludePatterns ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()))
            .Where(p => p.Length > 0)
            .ToList(),
    };
}
