using System.Text.Json.Serialization;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Quota;
using static System.FormattableString;

namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>
/// API 3.0 (<c>CdnRefreshApi=v3</c>), signed TC3-HMAC-SHA256: <c>PurgeUrlsCache</c> and <c>PurgePathCache</c> with
/// <c>Area</c>, today's quota from <c>DescribePurgeQuota</c>, status from <c>DescribePurgeTasks</c>.
/// </summary>
internal sealed partial class V3Provider(ProviderContext context) : Api3Provider(context, "cdn", "2018-06-06", V3ErrorCodes.KindOf)
{
    public const string PurgeUrlsCacheAction = "PurgeUrlsCache";
    public const string PurgePathCacheAction = "PurgePathCache";
    public const string DescribePurgeQuotaAction = "DescribePurgeQuota";

    /// <summary><c>DescribePurgeTasks</c> <c>PurgeType</c> of a <c>PurgeUrlsCache</c> task.</summary>
    public const string PurgeTypeUrl = "url";

    /// <summary><c>DescribePurgeTasks</c> <c>PurgeType</c> of a <c>PurgePathCache</c> task.</summary>
    public const string PurgeTypePath = "path";

    private const string FlushTypeFlush = "flush";

    /// <summary>Tencent's usual path purge limit a day, assumed when <c>DescribePurgeQuota</c> gave no numbers.</summary>
    private const int DefaultDirectoriesPerDay = 100;

    /// <summary>Directories a request when <c>DescribePurgeQuota</c> does not report <c>PathPurge.Batch</c>.</summary>
    private const int DefaultDirectoriesPerRequest = 20;

    public static readonly ProviderRegistration Registration =
        new("v3", new Uri("https://cdn.tencentcloudapi.com/"), context => new V3Provider(context));

    private static readonly byte[] EmptyObject = { (byte)'{', (byte)'}' };

    public override string UrlAction => PurgeUrlsCacheAction;

    public override string DirectoryAction => PurgePathCacheAction;

    public override Task<TodaysQuota> ReadQuotaAsync(QuotaRequest request, bool offline, CancellationToken cancellationToken) =>
        RemoteQuotaAsync(DescribePurgeQuotaAction, offline, DescribePurgeQuotaAsync, quota => Today(request, quota), cancellationToken);

    /// <summary><c>DescribePurgeTasks</c> once per task id; a batch without one is <see cref="RefreshStatus.Unknown"/>.</summary>
    public override Task<RefreshStatusOutcome> GetStatusAsync(IReadOnlyList<BatchOutcome> batches, CancellationToken cancellationToken) =>
        RefreshStatusCollector.CollectAsync(
            batches,
            batch => batch.TaskId is { } taskId ? PurgeTypeOf(batch.Target) + " " + taskId : null,
            (batch, token) => DescribePurgeTasksAsync(batch.TaskId!, PurgeTypeOf(batch.Target), token),
            cancellationToken);

    /// <summary>What is left of today's purge quotas, per area. Never throws for API, HTTP or network failures.</summary>
    internal Task<ApiCallResult<PurgeQuotaResponse>> DescribePurgeQuotaAsync(CancellationToken cancellationToken) =>
        CallAsync(
            DescribePurgeQuotaAction, _ => EmptyObject, V3JsonContext.Default.PurgeQuotaResponse, cancellationToken, RetryPolicy.QuotaQuery);

    /// <summary>Every entry of task <paramref name="taskId"/> of <paramref name="purgeType"/> (<c>url</c> or <c>path</c>).</summary>
    internal Task<RefreshStatusOutcome> DescribePurgeTasksAsync(string taskId, string purgeType, CancellationToken cancellationToken) =>
        ReadStatusPagesAsync(
            (offset, _) => Json(
                new DescribePurgeTasks(purgeType, taskId, offset, PurgeTasksPageSize, Options.Area), V3JsonContext.Default.DescribePurgeTasks),
            V3JsonContext.Default.PurgeTasksResponse,
            page => ((page.PurgeLogs ?? Array.Empty<PurgeLog>()).Select(log => log.ToStatus()).ToList(), page.TotalCount),
            cancellationToken);

    /// <summary>
    /// Today's allowances from a <c>DescribePurgeQuota</c> answer: URLs from <c>UrlPurge</c> (see <see cref="Allowance.Urls"/>),
    /// directories from <c>PathPurge</c>. Without an answer (null) only <c>CdnRefreshDailyQuota</c> and Tencent's usual
    /// path limits are known.
    /// </summary>
    internal static TodaysQuota Today(QuotaRequest request, PurgeQuotaResponse? quota) =>
        Today(request, quota?.UrlQuotaFor(request.Area), quota?.PathQuotaFor(request.Area));

    /// <summary>The same from the area's URL and path purge quotas, each null when <c>DescribePurgeQuota</c> gave none.</summary>
    internal static TodaysQuota Today(QuotaRequest request, PurgeQuota? urlQuota, PurgeQuota? pathQuota)
    {
        var urls = Allowance.Urls(request, Figures(urlQuota, "URL"), $"without DescribePurgeQuota figures for {request.Area}");
        var directories = Figures(pathQuota, "directory") is { } path
            ? new Allowance(path.Available, DirectoriesPerRequest(pathQuota), path.Source, DailyQuotaBinds: false)
            : new Allowance(
                DefaultDirectoriesPerDay,
                DefaultDirectoriesPerRequest,
                Invariant($"without DescribePurgeQuota figures, Tencent's usual {DefaultDirectoriesPerDay} a day is assumed"),
                DailyQuotaBinds: false);
        return new TodaysQuota(urls, directories);

        (long Available, long? Batch, string Source)? Figures(PurgeQuota? quota, string kind) =>
            quota is null
                ? null
                : (quota.Available,
                    quota.Batch,
                    Invariant($"DescribePurgeQuota reports {quota.Available} of {quota.Total} {kind} refreshes left today for {request.Area}"));
    }

    /// <summary>
    /// Directories a request from an area's path quota: its <c>Batch</c> when reported, capped at what the client sends
    /// a request so that a larger reported Batch cannot make a batch invalid; else 20.
    /// </summary>
    internal static int DirectoriesPerRequest(PurgeQuota? pathQuota) =>
        Allowance.BatchOf(pathQuota?.Batch, MaxDirectoriesPerRequest, DefaultDirectoriesPerRequest);

    protected override HttpRequestMessage BatchRequest(string action, RefreshTarget target, IReadOnlyList<string> entries, DateTimeOffset now)
    {
        var body = target == RefreshTarget.Directories
            ? Json(new PurgePathCache(entries, FlushTypeFlush, Options.Area), V3JsonContext.Default.PurgePathCache)
            : Json(new PurgeUrlsCache(entries, Options.Area), V3JsonContext.Default.PurgeUrlsCache);
        return Tc3Request(action, body, now);
    }

    protected override ApiCallResult<BatchOutcome> ReadBatchAnswer(int httpStatus, byte[] body) =>
        Read(httpStatus, body, V3JsonContext.Default.PurgeResponse).Map(accepted => BatchOutcome.Accepted(accepted.TaskId));

    private static string PurgeTypeOf(RefreshTarget target) => target == RefreshTarget.Directories ? PurgeTypePath : PurgeTypeUrl;

    /// <summary>
    /// A request body, its fields in the order written here: the body is signed as sent, and API 3.0 refuses fields it
    /// does not know. <c>FlushType</c> <c>flush</c> refreshes what changed in a directory (<c>delete</c> would drop
    /// everything).
    /// </summary>
    internal sealed record PurgePathCache(IReadOnlyList<string> Paths, string FlushType, string Area);

    internal sealed record PurgeUrlsCache(IReadOnlyList<string> Urls, string Area);

    internal sealed record DescribePurgeTasks(string PurgeType, string TaskId, int Offset, int Limit, string Area);

    /// <summary>The answer to <c>DescribePurgeQuota</c>: the URL and path purge quotas per area.</summary>
    internal sealed record PurgeQuotaResponse : V3Response
    {
        public IReadOnlyList<PurgeQuota>? UrlPurge { get; init; }

        public IReadOnlyList<PurgeQuota>? PathPurge { get; init; }

        public override bool IsComplete() => UrlPurge is not null;

        /// <summary>The URL purge quota of <paramref name="area"/> (<c>overseas</c> or <c>mainland</c>), when reported.</summary>
        public PurgeQuota? UrlQuotaFor(string area) => For(UrlPurge, area);

        /// <summary>The directory purge quota of <paramref name="area"/>, when reported.</summary>
        public PurgeQuota? PathQuotaFor(string area) => For(PathPurge, area);

        private static PurgeQuota? For(IReadOnlyList<PurgeQuota>? quotas, string area) =>
            quotas?.FirstOrDefault(q => string.Equals(q.Area, area, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>One area's purge quota, as <c>DescribePurgeQuota</c> reports it.</summary>
    internal sealed record PurgeQuota
    {
        /// <summary><c>mainland</c> or <c>overseas</c>.</summary>
        public required string Area { get; init; }

        /// <summary>Most entries one request may carry.</summary>
        public required long Batch { get; init; }

        /// <summary>Entries allowed per day.</summary>
        public required long Total { get; init; }

        /// <summary>Entries still allowed today.</summary>
        public required long Available { get; init; }
    }

    /// <summary>The answer to <c>PurgeUrlsCache</c> and <c>PurgePathCache</c>.</summary>
    internal sealed record PurgeResponse(string? TaskId) : V3Response;

    /// <summary>One page of <c>DescribePurgeTasks</c>: its <c>PurgeLogs</c> and the <c>TotalCount</c> of all pages.</summary>
    /// <param name="PurgeLogs">
    /// Null in some answers with nothing to list; then only a <c>TotalCount</c> of 0 (or none) makes the page empty.
    /// </param>
    /// <param name="TotalCount">Null when the answer leaves it out: then what came is all there is.</param>
    internal sealed record PurgeTasksResponse(IReadOnlyList<PurgeLog>? PurgeLogs, long? TotalCount) : V3Response
    {
        public override bool IsComplete() =>
            PurgeLogs is null ? TotalCount is null or 0 : PurgeLogs.All(log => log.Url is not null);
    }

    /// <summary>One URL or directory of a task; <c>CreateTime</c> is Beijing time.</summary>
    internal sealed record PurgeLog(string? TaskId, string? Url, string? Status, string? CreateTime)
    {
        public UrlRefreshStatus ToStatus() => new(
            Url!,
            Status switch
            {
                "done" => RefreshStatus.Done,
                "process" => RefreshStatus.Running,
                "fail" => RefreshStatus.Failed,
                _ => RefreshStatus.Unknown,
            },
            TaskId,
            Status,
            BeijingTime.Parse(CreateTime));
    }

    /// <summary>
    /// API 3.0's JSON, source-generated: field names as declared, the default (HTML-safe) escaping, and numbers read
    /// from strings too.
    /// </summary>
    [JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
    [JsonSerializable(typeof(PurgeUrlsCache))]
    [JsonSerializable(typeof(PurgePathCache))]
    [JsonSerializable(typeof(DescribePurgeTasks))]
    [JsonSerializable(typeof(PurgeResponse))]
    [JsonSerializable(typeof(PurgeQuotaResponse))]
    [JsonSerializable(typeof(PurgeTasksResponse))]
    internal sealed partial class V3JsonContext : JsonSerializerContext;
}
