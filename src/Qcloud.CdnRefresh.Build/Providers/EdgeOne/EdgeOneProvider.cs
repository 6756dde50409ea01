using System.Globalization;
using System.Text.Json.Serialization;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Quota;
using static System.FormattableString;

namespace Qcloud.CdnRefresh.Build.Providers.EdgeOne;

/// <summary>
/// EdgeOne (<c>CdnRefreshApi=edgeone</c>), API 3.0 of product <c>teo</c> signed TC3-HMAC-SHA256: <c>CreatePurgeTask</c>
/// in the zone <c>CdnRefreshZoneId</c> (<c>purge_url</c>, or <c>purge_prefix</c> for directories), today's quota
/// from <c>DescribeContentQuota</c>, status from <c>DescribePurgeTasks</c> by job id. The zone decides the area.
/// </summary>
internal sealed partial class EdgeOneProvider(ProviderContext context) : Api3Provider(context, "teo", "2022-09-01", V3ErrorCodes.CommonKindOf)
{
    public const string CreatePurgeTaskAction = "CreatePurgeTask";
    public const string DescribeContentQuotaAction = "DescribeContentQuota";

    private const string UrlType = "purge_url";
    private const string PrefixType = "purge_prefix";
    private const string MethodInvalidate = "invalidate";

    public static readonly ProviderRegistration Registration =
        new("edgeone", new Uri("https://teo.tencentcloudapi.com/"), context => new EdgeOneProvider(context), ZoneScoped: true);

    public override string UrlAction => CreatePurgeTaskAction;

    public override string DirectoryAction => CreatePurgeTaskAction;

    public override Task<TodaysQuota> ReadQuotaAsync(QuotaRequest request, bool offline, CancellationToken cancellationToken) =>
        RemoteQuotaAsync(DescribeContentQuotaAction, offline, DescribeContentQuotaAsync, quota => Today(request, quota), cancellationToken);

    /// <summary><c>DescribePurgeTasks</c> once per job id; a batch without one is <see cref="RefreshStatus.Unknown"/>.</summary>
    public override Task<RefreshStatusOutcome> GetStatusAsync(IReadOnlyList<BatchOutcome> batches, CancellationToken cancellationToken) =>
        RefreshStatusCollector.CollectAsync(
            batches,
            batch => string.IsNullOrEmpty(batch.TaskId) ? null : batch.TaskId,
            (batch, token) => DescribePurgeTasksAsync(batch.TaskId!, batch.SubmittedAt, token),
            cancellationToken);

    /// <summary>What is left of the zone's purge quotas today. Never throws for API, HTTP or network failures.</summary>
    internal Task<ApiCallResult<ContentQuotaResponse>> DescribeContentQuotaAsync(CancellationToken cancellationToken)
    {
        var body = Json(new DescribeContentQuota(Options.ZoneId), EdgeOneJsonContext.Default.DescribeContentQuota);
        return CallAsync(
            DescribeContentQuotaAction, _ => body, EdgeOneJsonContext.Default.ContentQuotaResponse, cancellationToken, RetryPolicy.QuotaQuery);
    }

    /// <summary>Every target of job <paramref name="jobId"/>, submitted at <paramref name="submittedAt"/>.</summary>
    internal Task<RefreshStatusOutcome> DescribePurgeTasksAsync(string jobId, DateTimeOffset submittedAt, CancellationToken cancellationToken)
    {
        var filters = new[] { new AdvancedFilter("job-id", new[] { jobId }) };
        var skew = RefreshStatusCollector.ClockSkew;
        return ReadStatusPagesAsync(
            (offset, now) => Json(
                new DescribePurgeTasks(Options.ZoneId, Iso(submittedAt - skew), Iso(now + skew), offset, PurgeTasksPageSize, filters),
                EdgeOneJsonContext.Default.DescribePurgeTasks),
            EdgeOneJsonContext.Default.PurgeTasksResponse,
            page => ((page.Tasks ?? Array.Empty<PurgeTask>()).Select(task => task.ToStatus()).ToList(), page.TotalCount),
            cancellationToken);
    }

    protected override HttpRequestMessage BatchRequest(string action, RefreshTarget target, IReadOnlyList<string> entries, DateTimeOffset now)
    {
        var task = target == RefreshTarget.Directories
            ? new CreatePurgeTask(Options.ZoneId, PrefixType, MethodInvalidate, entries)
            : new CreatePurgeTask(Options.ZoneId, UrlType, null, entries);
        return Tc3Request(action, Json(task, EdgeOneJsonContext.Default.CreatePurgeTask), now);
    }

    /// <summary>Accepted with its <c>JobId</c>; the targets of <c>FailedList</c> come back as rejected, each with its reason.</summary>
    protected override ApiCallResult<BatchOutcome> ReadBatchAnswer(int httpStatus, byte[] body) =>
        Read(httpStatus, body, EdgeOneJsonContext.Default.PurgeTaskResponse).Map(accepted => BatchOutcome.Accepted(accepted.JobId) with
        {
            Rejected = (accepted.FailedList ?? Array.Empty<FailReason>())
                .SelectMany(failed => (failed.Targets ?? Array.Empty<string>())
                    .Select(target => new RejectedEntry(target, string.IsNullOrWhiteSpace(failed.Reason) ? "no reason given" : failed.Reason!)))
                .ToList(),
        });

    /// <summary>
    /// Today's allowances from a <c>DescribeContentQuota</c> answer (null when there is none): URLs from <c>purge_url</c>
    /// (see <see cref="Allowance.Urls"/>), directories from <c>purge_prefix</c>. Plans differ, so nothing is assumed:
    /// without an answer only <c>CdnRefreshDailyQuota</c> is known and no directory refresh is counted on.
    /// </summary>
    private static TodaysQuota Today(QuotaRequest request, ContentQuotaResponse? quota)
    {
        var urls = Allowance.Urls(request, Figures(UrlType), $"without DescribeContentQuota {UrlType} figures");
        var directories = Figures(PrefixType) is { } prefix
            ? new Allowance(
                prefix.Available, Allowance.BatchOf(prefix.Batch, MaxDirectoriesPerRequest, 1), prefix.Source, DailyQuotaBinds: false)
            : new Allowance(0, 1, $"without DescribeContentQuota {PrefixType} figures", DailyQuotaBinds: false);
        return new TodaysQuota(urls, directories);

        (long Available, long? Batch, string Source)? Figures(string type) =>
            quota?.PurgeQuota?.FirstOrDefault(q => q.Type == type) is { DailyAvailable: { } available } figures
                ? (available,
                    figures.Batch,
                    Invariant($"DescribeContentQuota reports {available} of {figures.Daily ?? available} {type} targets left today"))
                : null;
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A request body, its fields in the order written here: the body is signed as sent. <c>Method</c> applies to prefix
    /// purges only, so a URL purge leaves it out; <c>invalidate</c> marks what is cached as stale and revalidates it, so
    /// only what changed is fetched again.
    /// </summary>
    internal sealed record CreatePurgeTask(
        string ZoneId,
        string Type,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Method,
        IReadOnlyList<string> Targets);

    internal sealed record DescribeContentQuota(string ZoneId);

    /// <summary><c>StartTime</c> and <c>EndTime</c> are ISO 8601 in UTC.</summary>
    internal sealed record DescribePurgeTasks(
        string ZoneId, string StartTime, string EndTime, int Offset, int Limit, IReadOnlyList<AdvancedFilter> Filters);

    internal sealed record AdvancedFilter(string Name, IReadOnlyList<string> Values);

    /// <summary>
    /// The answer to <c>CreatePurgeTask</c>: its <c>JobId</c>, and in <c>FailedList</c> (null or empty when every target
    /// was accepted) the targets it did not accept, grouped by reason. A request succeeds even when some of its targets
    /// are in <c>FailedList</c>.
    /// </summary>
    internal sealed record PurgeTaskResponse(string? JobId, IReadOnlyList<FailReason>? FailedList) : V3Response;

    internal sealed record FailReason(string? Reason, IReadOnlyList<string>? Targets);

    /// <summary>The answer to <c>DescribeContentQuota</c>: the zone's purge quotas, one per purge type.</summary>
    internal sealed record ContentQuotaResponse(IReadOnlyList<ContentQuota>? PurgeQuota) : V3Response
    {
        public override bool IsComplete() => PurgeQuota is not null;
    }

    /// <summary>
    /// <c>Batch</c>: most targets a request; <c>Daily</c>: the day's allowance; <c>DailyAvailable</c>: what is left
    /// today. A number the answer leaves out is null.
    /// </summary>
    internal sealed record ContentQuota(string? Type, long? Batch, long? Daily, long? DailyAvailable);

    /// <summary>One page of <c>DescribePurgeTasks</c>: its <c>Tasks</c> and the <c>TotalCount</c> of all pages.</summary>
    internal sealed record PurgeTasksResponse(IReadOnlyList<PurgeTask>? Tasks, long? TotalCount) : V3Response
    {
        public override bool IsComplete() =>
            Tasks is null ? TotalCount is null or 0 : Tasks.All(task => task.Target is not null);
    }

    /// <summary>
    /// One target of a job. <c>Status</c>: <c>processing</c>, <c>success</c>, or what Tencent gave up with:
    /// <c>failed</c>, <c>timeout</c>, <c>canceled</c>. <c>CreateTime</c> is ISO 8601.
    /// </summary>
    internal sealed record PurgeTask(string? JobId, string? Target, string? Status, string? CreateTime, string? FailType, string? FailMessage)
    {
        public UrlRefreshStatus ToStatus() => new(
            Target!,
            Status switch
            {
                "success" => RefreshStatus.Done,
                "processing" => RefreshStatus.Running,
                "failed" or "timeout" or "canceled" => RefreshStatus.Failed,
                _ => RefreshStatus.Unknown,
            },
            JobId,
            FailType is null ? Status : Status + " (" + FailType + ")",
            DateTimeOffset.TryParse(CreateTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) ? created : null);
    }

    /// <summary>EdgeOne's JSON, source-generated as API 3.0's: field names as declared, numbers read from strings too.</summary>
    [JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
    [JsonSerializable(typeof(CreatePurgeTask))]
    [JsonSerializable(typeof(DescribeContentQuota))]
    [JsonSerializable(typeof(DescribePurgeTasks))]
    [JsonSerializable(typeof(PurgeTaskResponse))]
    [JsonSerializable(typeof(ContentQuotaResponse))]
    [JsonSerializable(typeof(PurgeTasksResponse))]
    internal sealed partial class EdgeOneJsonContext : JsonSerializerContext;
}
