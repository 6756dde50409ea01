using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Quota;
using Qcloud.CdnRefresh.Build.Signing;

namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>
/// What the API 3.0 providers share: JSON bodies POSTed to one product's service and version, signed TC3-HMAC-SHA256;
/// answers read as <see cref="V3Response"/> under the product's error rules; a quota query whose failure is not fatal;
/// and a task's statuses read page after page from <c>DescribePurgeTasks</c>.
/// </summary>
/// <param name="context">The run's settings, seams, credentials source and log.</param>
/// <param name="service">The product as signed: <c>cdn</c>, <c>teo</c>.</param>
/// <param name="version">Its <c>X-TC-Version</c>.</param>
/// <param name="kindOf">Its rules for an <c>Error.Code</c>.</param>
internal abstract class Api3Provider(ProviderContext context, string service, string version, Func<string, ApiFailureKind> kindOf)
    : SignedApiProvider(context, MaxDirectoriesPerRequest)
{
    public const string DescribePurgeTasksAction = "DescribePurgeTasks";

    /// <summary>
    /// The largest directory batch the client sends. The real limit is the quota's <c>Batch</c>, which the server
    /// enforces (CDN as <c>LimitExceeded.CdnPurgePathExceedBatchLimit</c>); this only catches a caller that lost count.
    /// </summary>
    protected const int MaxDirectoriesPerRequest = 1000;

    /// <summary>
    /// <c>Limit</c> asked per <c>DescribePurgeTasks</c> page: above CDN's documented default of 20, so a large task takes
    /// fewer calls; the loop follows <c>TotalCount</c>, so a server that answers fewer still works.
    /// </summary>
    protected const int PurgeTasksPageSize = 100;

    /// <summary>Sent and signed exactly as written; HttpClient must not add or change a charset.</summary>
    private const string ContentType = "application/json; charset=utf-8";

    /// <summary>A request body: the value as UTF-8 JSON, written by its source-generated type info.</summary>
    protected static byte[] Json<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    /// <summary>An answer's value, or its failure with the <c>Error.Code</c> classified by the product's rules.</summary>
    protected ApiCallResult<T> Read<T>(int httpStatus, byte[] body, JsonTypeInfo<T> type)
        where T : V3Response =>
        V3Response.Read(httpStatus, body, type, kindOf);

    /// <summary>
    /// One call of <paramref name="action"/>, retried where safe: <paramref name="body"/> is given each attempt's
    /// signing time, and the answer is read as <paramref name="type"/>.
    /// </summary>
    protected Task<ApiCallResult<T>> CallAsync<T>(
        string action, Func<DateTimeOffset, byte[]> body, JsonTypeInfo<T> type, CancellationToken cancellationToken, RetryPolicy policy)
        where T : V3Response =>
        Runner.RunAsync(
            action, now => Tc3Request(action, body(now), now), (status, answer) => Read(status, answer, type), cancellationToken, policy);

    /// <summary>
    /// Today's quota from the API's own count (<paramref name="query"/>), or from <c>CdnRefreshDailyQuota</c> alone
    /// (<paramref name="today"/> given null) offline or when the query fails, which is not fatal.
    /// </summary>
    protected async Task<TodaysQuota> RemoteQuotaAsync<T>(
        string action, bool offline, Func<CancellationToken, Task<ApiCallResult<T>>> query, Func<T?, TodaysQuota> today, CancellationToken cancellationToken)
        where T : class
    {
        if (offline)
        {
            return today(null);
        }

        var quota = await query(cancellationToken).ConfigureAwait(false);
        if (quota.Failure is { } failure)
        {
            // Said at the summary's importance: the run is kept inside CdnRefreshDailyQuota alone, not Tencent's count.
            Context.Log.Summary($"{action} failed ({failure.Brief}); going on with CdnRefreshDailyQuota alone.");
        }

        return today(quota.Value);
    }

    /// <summary>
    /// The statuses of one task, page after page of <c>DescribePurgeTasks</c> (<paramref name="pageBody"/> is given the
    /// offset and the signing time) until the page's total is reached. An empty page ends it too: a total that
    /// overstates must not loop for ever. Never throws for API, HTTP or network failures: the outcome then carries the
    /// failure and the statuses of the pages read before it.
    /// </summary>
    protected async Task<RefreshStatusOutcome> ReadStatusPagesAsync<TPage>(
        Func<int, DateTimeOffset, byte[]> pageBody,
        JsonTypeInfo<TPage> pageType,
        Func<TPage, (IReadOnlyList<UrlRefreshStatus> Statuses, long? Total)> contentOf,
        CancellationToken cancellationToken)
        where TPage : V3Response
    {
        var statuses = new List<UrlRefreshStatus>();
        while (true)
        {
            var offset = statuses.Count;
            var result = await CallAsync(
                    DescribePurgeTasksAction, now => pageBody(offset, now), pageType, cancellationToken, RetryPolicy.StatusQuery)
                .ConfigureAwait(false);
            if (result.Value is not { } page)
            {
                return new RefreshStatusOutcome(statuses, result.Failure);
            }

            var (read, total) = contentOf(page);
            statuses.AddRange(read);
            if (read.Count == 0 || statuses.Count >= (total ?? 0))
            {
                return new RefreshStatusOutcome(statuses);
            }
        }
    }

    /// <summary>
    /// <paramref name="body"/> POSTed as <paramref name="action"/> of the product's version, signed TC3-HMAC-SHA256 for
    /// its service at <paramref name="now"/>.
    /// </summary>
    protected HttpRequestMessage Tc3Request(string action, byte[] body, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds();
        var request = Post(body, ContentType);
        request.Headers.TryAddWithoutValidation("Authorization", Tc3Signer.BuildAuthorization(Credentials, service, Host, ContentType, timestamp, body));
        request.Headers.TryAddWithoutValidation("X-TC-Action", action);
        request.Headers.TryAddWithoutValidation("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("X-TC-Version", version);
        if (Credentials.Token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-TC-Token", Credentials.Token);
        }

        return request;
    }
}
