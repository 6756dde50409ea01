using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Quota;

namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>
/// API 3.0 (<c>CdnRefreshApi=v3</c>), signed TC3-HMAC-SHA256: <c>PurgeUrlsCache</c> and <c>PurgePathCache</c> with
/// <c>Area</c>, today's quota from <c>DescribePurgeQuota</c>, status from <c>DescribePurgeTasks</c>.
/// </summary>
internal sealed class V3Provider : SignedApiProvider
{
    public const string PurgeUrlsCacheAction = "PurgeUrlsCache";
    public const string PurgePathCacheAction = "PurgePathCache";
    public const string DescribePurgeQuotaAction = "DescribePurgeQuota";
    public const string DescribePurgeTasksAction = "DescribePurgeTasks";

    /// <summary><c>DescribePurgeTasks</c> <c>PurgeType</c> of a <c>PurgeUrlsCache</c> task.</summary>
    public const string PurgeTypeUrl = "url";

    /// <summary><c>DescribePurgeTasks</c> <c>PurgeType</c> of a <c>PurgePathCache</c> task.</summary>
    public const string PurgeTypePath = "path";

    private const string FlushTypeFlush = "flush";

    /// <summary>
    /// <c>Limit</c> asked per <c>DescribePurgeTasks</c> page: above the documented default of 20, so a large task takes
    /// fewer calls; the loop follows <c>TotalCount</c>, so a server that answers fewer still works.
    /// </summary>
    private const int PurgeTasksPageSize = 100;

    private const string ApiVersion = "2018-06-06";
    private const string Service = "cdn";

    public static readonly ProviderRegistration Registration =
        new("v3", new Uri("https://cdn.tencentcloudapi.com/"), context => new V3Provider(context));

    private static readonly byte[] EmptyObject = { (byte)'{', (byte)'}' };

    public V3Provider(ProviderContext context)
        : base(context, V3Quota.MaxDirectoriesPerRequest)
    {
    }

    public override string UrlAction => PurgeUrlsCacheAction;

    public override string DirectoryAction => PurgePathCacheAction;

    /// <summary>A failed <c>DescribePurgeQuota</c> is not fatal: the run goes on with <c>CdnRefreshDailyQuota</c> alone.</summary>
    public override Task<TodaysQuota> ReadQuotaAsync(QuotaRequest request, bool offline, CancellationToken cancellationToken) =>
        RemoteQuotaAsync(DescribePurgeQuotaAction, offline, DescribePurgeQuotaAsync, quota => V3Quota.Today(request, quota), cancellationToken);

    /// <summary><c>DescribePurgeTasks</c> once per task id; a batch without one is <see cref="RefreshStatus.Unknown"/>.</summary>
    public override Task<RefreshStatusOutcome> GetStatusAsync(IReadOnlyList<BatchOutcome> batches, CancellationToken cancellationToken) =>
        RefreshStatusCollector.CollectAsync(
            batches,
            batch => batch.TaskId is { } taskId ? PurgeTypeOf(batch.Target) + " " + taskId : null,
            (batch, token) => DescribePurgeTasksAsync(batch.TaskId!, PurgeTypeOf(batch.Target), token),
            cancellationToken);

    /// <summary>What is left of today's purge quotas, per area. Never throws for API, HTTP or network failures.</summary>
    internal Task<ApiCallResult<PurgeQuotaResponse>> DescribePurgeQuotaAsync(CancellationToken cancellationToken) =>
        RunAsync(
            DescribePurgeQuotaAction,
            now => Request(DescribePurgeQuotaAction, EmptyObject, now),
            (status, body) => V3ResponseReader.Read(status, body, V3JsonContext.Default.PurgeQuotaResponse),
            cancellationToken,
            RetryPolicy.QuotaQuery);

    /// <summary>
    /// Every entry of task <paramref name="taskId"/> of <paramref name="purgeType"/> (<see cref="PurgeTypeUrl"/> or
    /// <see cref="PurgeTypePath"/>), page after page until <c>TotalCount</c> is reached. Never throws for API, HTTP or
    /// network failures: the outcome then carries the failure and the entries of the pages read before it.
    /// </summary>
    internal Task<RefreshStatusOutcome> DescribePurgeTasksAsync(string taskId, string purgeType, CancellationToken cancellationToken) =>
        ReadStatusPagesAsync(
            DescribePurgeTasksAction,
            (offset, now) => Request(
                DescribePurgeTasksAction,
                Json(new V3Requests.DescribePurgeTasks(purgeType, taskId, offset, PurgeTasksPageSize, Options.Area), V3JsonContext.Default.DescribePurgeTasks),
                now),
            (status, answer) => V3ResponseReader.Read(status, answer, V3JsonContext.Default.PurgeTasksResponse),
            page => ((page.PurgeLogs ?? Array.Empty<PurgeTasksResponse.PurgeLog>()).Select(log => log.ToStatus()).ToList(), page.TotalCount),
            cancellationToken);

    protected override HttpRequestMessage BatchRequest(string action, RefreshTarget target, IReadOnlyList<string> entries, DateTimeOffset now)
    {
        var body = target == RefreshTarget.Directories
            ? Json(new V3Requests.PurgePathCache(entries, FlushTypeFlush, Options.Area), V3JsonContext.Default.PurgePathCache)
            : Json(new V3Requests.PurgeUrlsCache(entries, Options.Area), V3JsonContext.Default.PurgeUrlsCache);
        return Request(action, body, now);
    }

    protected override ApiCallResult<BatchOutcome> ReadBatchAnswer(int httpStatus, byte[] body)
    {
        var answer = V3ResponseReader.Read(httpStatus, body, V3JsonContext.Default.PurgeResponse);
        return answer.Value is { } accepted
            ? ApiCallResult<BatchOutcome>.Success(BatchOutcome.Accepted(accepted.TaskId))
            : ApiCallResult<BatchOutcome>.Failed(answer.Failure!);
    }

    private static string PurgeTypeOf(RefreshTarget target) => target == RefreshTarget.Directories ? PurgeTypePath : PurgeTypeUrl;

    private HttpRequestMessage Request(string action, byte[] body, DateTimeOffset now) => Tc3Request(Service, ApiVersion, action, body, now);
}
