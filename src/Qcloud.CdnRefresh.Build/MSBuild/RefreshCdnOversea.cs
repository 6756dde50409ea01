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
/// <remarks>
/// Each string parameter is the MSBuild property named in its comment, passed through unchanged by the package's
/// .targets; empty takes the default. <see cref="RefreshSettingsParser"/> holds every default, allowed value and
/// diagnostic; README.md's Properties table documents them for users.
/// </remarks>
public sealed class RefreshCdnOversea : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary><c>PublishDir</c>: the publish output folder.</summary>
    [Required]
    public string PublishDir { get; set; } = string.Empty;

    /// <summary><c>CdnRefreshContentRoot</c>: the folder under <see cref="PublishDir"/> served at <see cref="BaseUrl"/>.</summary>
    public string? ContentRoot { get; set; }

    /// <summary><c>CdnRefreshBaseUrl</c>: the absolute http(s) URL at which the content root is served; may carry a path prefix; several separated by <c>;</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary><c>CdnRefreshApi</c>: which Tencent Cloud API the refreshes go to.</summary>
    public string? Api { get; set; }

    /// <summary><c>CdnRefreshArea</c>: which CDN area is refreshed, overseas or mainland.</summary>
    public string? Area { get; set; }

    /// <summary><c>CdnRefreshZoneId</c>: the EdgeOne site id (<c>zone-…</c>), required with <c>CdnRefreshApi=edgeone</c>.</summary>
    public string? ZoneId { get; set; }

    /// <summary><c>CdnRefreshEndpoint</c>: where requests go; empty means Tencent's endpoint for <see cref="Api"/>.</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>CdnRefreshSignatureMethod</c>: the HMAC of API 2.0 signatures.</summary>
    public string? SignatureMethod { get; set; }

    /// <summary><c>CdnRefreshBatchSize</c>: URLs per request.</summary>
    public string? BatchSize { get; set; }

    /// <summary><c>CdnRefreshDailyQuota</c>: URLs a day; a run that needs more fails before it sends anything.</summary>
    public string? DailyQuota { get; set; }

    /// <summary><c>CdnRefreshDryRun</c>: plan only; send nothing, read no credentials, write no manifest.</summary>
    public string? DryRun { get; set; }

    /// <summary><c>CdnRefreshManifest</c>: path of the local baseline manifest, read before and written after the run.</summary>
    public string? Manifest { get; set; }

    /// <summary><c>CdnRefreshBaselineUrl</c>: when set, the baseline manifest is fetched from this URL instead of the local file.</summary>
    public string? BaselineUrl { get; set; }

    /// <summary><c>CdnRefreshPublishManifest</c>: also write the new manifest into the content root.</summary>
    public string? PublishManifest { get; set; }

    /// <summary><c>CdnRefreshWithoutBaseline</c>: what a run without a baseline refreshes, every file or none.</summary>
    public string? WithoutBaseline { get; set; }

    /// <summary><c>CdnRefreshAddedFiles</c>: also refresh files that are new since the baseline.</summary>
    public string? AddedFiles { get; set; }

    /// <summary><c>CdnRefreshDirectoryIndex</c>: a changed <c>dir/&lt;index&gt;</c> also refreshes <c>dir/</c>; empty turns this off.</summary>
    public string? DirectoryIndex { get; set; }

    /// <summary><c>CdnRefreshContinueOnError</c>: API failures are logged as warnings instead of errors.</summary>
    /// <remarks>Not named <c>ContinueOnError</c>: MSBuild reserves that attribute on every task.</remarks>
    public string? ContinueOnApiError { get; set; }

    /// <summary><c>CdnRefreshMaxRetries</c>: retries of a request that failed in a way that is safe to retry.</summary>
    public string? MaxRetries { get; set; }

    /// <summary><c>CdnRefreshTimeout</c>: seconds allowed per HTTP request.</summary>
    public string? Timeout { get; set; }

    /// <summary><c>CdnRefreshReport</c>: path of a JSON report of the run; empty writes none.</summary>
    public string? Report { get; set; }

    /// <summary><c>CdnRefreshOverQuota</c>: what a run over the daily quota does, fail or refresh the changed files' directories.</summary>
    public string? OverQuota { get; set; }

    /// <summary><c>CdnRefreshWait</c>: after submitting, wait until Tencent reports every refresh done.</summary>
    public string? Wait { get; set; }

    /// <summary><c>CdnRefreshWaitTimeout</c>: seconds to wait for the refreshes to finish; then a warning.</summary>
    public string? WaitTimeout { get; set; }

    /// <summary><c>CdnRefreshSkipImmutable</c>: never refresh the files the web SDK serves as immutable.</summary>
    public string? SkipImmutable { get; set; }

    /// <summary>The web SDK's endpoints file in the publish output (<c>$(PublishDir)$(AssemblyName).staticwebassets.endpoints.json</c>); absent: none.</summary>
    public string? EndpointsFile { get; set; }

    /// <summary><c>CdnRefreshExclude</c> items: globs relative to the content root that are never refreshed.</summary>
    public ITaskItem[] Exclude { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>CdnRefreshExcludePatterns</c>: more such globs, separated by <c>;</c>.</summary>
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
            var settings = RefreshSettingsParser.Parse(Parameter, Exclude.Select(item => item.ItemSpec));
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

    /// <summary>The string parameter <paramref name="name"/>, read by name as MSBuild set it, so that the parser names each parameter once.</summary>
    private string? Parameter(string name) =>
        (string?)(typeof(RefreshCdnOversea).GetProperty(name) ?? throw new ArgumentException("No task parameter " + name, nameof(name))).GetValue(this);
}
