using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Signing;

using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>
/// API 3.0 client, signed TC3-HMAC-SHA256: <c>PurgeUrlsCache</c> and
/// <c>PurgePathCache</c> with <c>Area</c>, <c>DescribePurgeQuota</c>, and <c>DescribePurgeTasks</c> for status.
/// </summary>
internal sealed class CdnApiV3Client : IDisposable
{
    public const string PurgeUrlsCacheAction = "PurgeUrlsCache";
    public const string PurgePathCacheAction = "PurgePathCache";
    public const string DescribePurgeQuotaAction = "DescribePurgeQuota";
    public const string DescribePurgeTasksAction = "DescribePurgeTasks";

    /// <summary><c>FlushType</c> that refreshes what changed in a directory (<c>delete</c> would drop everything).</summary>
    public const string FlushTypeFlush = "flush";

    /// <summary><c>DescribePurgeTasks</c> <c>PurgeType</c> of a <c>PurgeUrlsCache</c> task.</summary>
    public const string PurgeTypeUrl = "url";

    /// <summary><c>DescribePurgeTasks</c> <c>PurgeType</c> of a <c>PurgePathCache</c> task.</summary>
    public const string PurgeTypePath = "path";

    /// <summary>
    /// <c>Limit</c> asked per <c>DescribePurgeTasks</c> page: above the documented default of 20, so a 1000-URL task
    /// takes 10 calls, not 50; the loop follows <c>TotalCount</c>, so a server that answers fewer still works.
    /// </summary>
    public const int DescribePurgeTasksPageSize = 100;
    public const string ApiVersion = "2018-06-06";
    public const string Service = "cdn";

    /// <summary>Sent and signed exactly as written; HttpClient must not add or change a charset.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    public static readonly Uri DefaultEndpoint = new("https://cdn.tencentcloudapi.com/");

    private readonly TencentCredentials _credentials;
    private readonly ApiClientOptions _options;
    private readonly RetryingRequestRunner _runner;

    public CdnApiV3Client(TencentCredentials credentials, ApiClientOptions options)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _runner = new RetryingRequestRunner(options, new[] { _credentials.SecretKey, _credentials.Token });
    }

    public string Action => PurgeUrlsCacheAction;

    public string DirectoryAction => PurgePathCacheAction;

    public Uri Endpoint => _options.Endpoint;

    public async Task<BatchOutcome> SubmitAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        BatchLimits.Check(urls);
        return await SendBatchAsync(PurgeUrlsCacheAction, PurgeUrlsCacheBody(urls, _options.Area), urls.Count, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>PurgePathCache</c> with <c>FlushType=flush</c> and the configured <c>Area</c>. The per-request limit is the
    /// area's <c>PathPurge.Batch</c> (<see cref="V3Quota.DirectoriesPerRequest(PurgeQuotaOutcome, string)"/>), which the server enforces.
    /// </summary>
    public async Task<BatchOutcome> SubmitDirectoriesAsync(IReadOnlyList<string> directories, CancellationToken cancellationToken)
    {
        DirectoryLimits.Check(directories, V3Quota.MaxDirectoriesPerRequest);
        var body = ApiV3RequestBodies.PurgePathCache(directories, FlushTypeFlush, _options.Area);
        return await SendBatchAsync(PurgePathCacheAction, body, directories.Count, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every entry of task <paramref name="taskId"/> as <c>DescribePurgeTasks</c> reports it, page after page until
    /// <c>TotalCount</c> is reached. Never throws for API, HTTP or network failures: the outcome then carries the
    /// failure and the entries of the pages read before it.
    /// </summary>
    /// <remarks><c>purgeType</c>: <see cref="PurgeTypeUrl"/> or <see cref="PurgeTypePath"/>.</remarks>
    public async Task<RefreshStatusOutcome> DescribePurgeTasksAsync(string taskId, string purgeType, CancellationToken cancellationToken)
    {
        var entries = new List<UrlRefreshStatus>();
        for (var calls = 1; ; calls++)
        {
            var body = ApiV3RequestBodies.DescribePurgeTasks(taskId, purgeType, entries.Count, DescribePurgeTasksPageSize, _options.Area);
            var result = await _runner.RunAsync(
                DescribePurgeTasksAction,
                () => BuildRequest(DescribePurgeTasksAction, body),
                (status, responseBody) => ApiV3ResponseReader.Read(status, responseBody, (response, _) => ApiV3PurgeTaskReader.Read(response)),
                cancellationToken,
                RetryPolicy.StatusQuery).ConfigureAwait(false);

            if (result.Value is not { } page)
            {
                return new RefreshStatusOutcome { Statuses = entries, Calls = calls, Failure = result.Failure };
            }

            entries.AddRange(page.Entries);

            // An empty page ends it too: a TotalCount that overstates must not loop for ever.
            if (page.Entries.Count == 0 || entries.Count >= page.TotalCount)
            {
                return new RefreshStatusOutcome { Statuses = entries, Calls = calls };
            }
        }
    }

    /// <summary><c>DescribePurgeTasks</c> once per task id; a batch without one is <see cref="RefreshStatus.Unknown"/>.</summary>
    public Task<RefreshStatusOutcome> GetStatusAsync(IReadOnlyList<SubmittedBatch> batches, CancellationToken cancellationToken) =>
        RefreshStatusCollector.CollectAsync(
            batches,
            batch => batch.TaskId is { } taskId ? PurgeTypeOf(batch.Target) + " " + taskId : null,
            (batch, token) => DescribePurgeTasksAsync(batch.TaskId!, PurgeTypeOf(batch.Target), token),
            cancellationToken);

    /// <summary>What is left of today's purge quotas, per area. Never throws for API, HTTP or network failures.</summary>
    public async Task<PurgeQuotaOutcome> DescribePurgeQuotaAsync(CancellationToken cancellationToken)
    {
        var body = new byte[] { (byte)'{', (byte)'}' };
        var result = await _runner.RunAsync(
            DescribePurgeQuotaAction,
            () => BuildRequest(DescribePurgeQuotaAction, body),
            (status, responseBody) => ApiV3ResponseReader.Read(status, responseBody, ReadQuota),
            cancellationToken,
            RetryPolicy.QuotaQuery).ConfigureAwait(false);

        return result.Value is { } quota
            ? quota with { Attempts = result.Attempts }
            : new PurgeQuotaOutcome { Failure = result.Failure, RequestId = result.Failure!.RequestId, Attempts = result.Attempts };
    }

    public void Dispose() => _runner.Dispose();

    /// <summary>The exact JSON body of a <c>PurgeUrlsCache</c> request.</summary>
    internal static byte[] PurgeUrlsCacheBody(IReadOnlyList<string> urls, string area)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Urls");
            foreach (var url in urls)
            {
                writer.WriteStringValue(url);
            }

            writer.WriteEndArray();
            writer.WriteString("Area", area);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static string PurgeTypeOf(RefreshTarget target) => target == RefreshTarget.Directories ? PurgeTypePath : PurgeTypeUrl;

    private async Task<BatchOutcome> SendBatchAsync(string action, byte[] body, int batchSize, CancellationToken cancellationToken)
    {
        var sentAt = default(DateTimeOffset);
        var result = await _runner.RunAsync(
            action,
            () => BuildRequest(action, body, out sentAt),
            (status, responseBody) => ApiV3ResponseReader.Read(status, responseBody, (response, requestId) =>
                BatchOutcome.Accepted(batchSize, JsonBody.Text(JsonBody.Property(response, "TaskId")), requestId, 0)),
            cancellationToken).ConfigureAwait(false);

        return result.Value is { } accepted
            ? accepted with { Attempts = result.Attempts, SubmittedAt = sentAt }
            : BatchOutcome.Failed(result.Failure!, result.Attempts);
    }

    private static PurgeQuotaOutcome? ReadQuota(JsonElement response, string requestId)
    {
        var urlPurge = ReadQuotaList(JsonBody.Property(response, "UrlPurge"));
        var pathPurge = ReadQuotaList(JsonBody.Property(response, "PathPurge")) ?? Array.Empty<PurgeQuota>();
        return urlPurge is null ? null : new PurgeQuotaOutcome { UrlPurge = urlPurge, PathPurge = pathPurge, RequestId = requestId };
    }

    private static IReadOnlyList<PurgeQuota>? ReadQuotaList(JsonElement? list)
    {
        if (list?.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var quotas = new List<PurgeQuota>();
        foreach (var item in list.Value.EnumerateArray())
        {
            var area = JsonBody.Text(JsonBody.Property(item, "Area"));
            var batch = JsonBody.Integer(JsonBody.Property(item, "Batch"));
            var total = JsonBody.Integer(JsonBody.Property(item, "Total"));
            var available = JsonBody.Integer(JsonBody.Property(item, "Available"));
            if (area is null || batch is null || total is null || available is null)
            {
                return null;
            }

            quotas.Add(new PurgeQuota { Area = area, Batch = batch.Value, Total = total.Value, Available = available.Value });
        }

        return quotas;
    }

    private HttpRequestMessage BuildRequest(string action, byte[] body) => BuildRequest(action, body, out _);

    private HttpRequestMessage BuildRequest(string action, byte[] body, out DateTimeOffset sentAt)
    {
        // Read per attempt: a retry must carry a new timestamp and so a new signature.
        sentAt = _options.Clock();
        var timestamp = sentAt.ToUnixTimeSeconds();
        var host = HostHeader.For(_options.Endpoint);

        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", ContentType);

        var request = new HttpRequestMessage(HttpMethod.Post, _options.Endpoint) { Content = content };
        request.Headers.Host = host;

        // .NET Framework would otherwise wait for a "100 Continue" that Tencent never sends.
        request.Headers.ExpectContinue = false;
        request.Headers.TryAddWithoutValidation("Authorization", Tc3Signer.BuildAuthorization(_credentials, Service, host, ContentType, timestamp, body));
        request.Headers.TryAddWithoutValidation("X-TC-Action", action);
        request.Headers.TryAddWithoutValidation("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("X-TC-Version", ApiVersion);
        if (_credentials.Token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-TC-Token", _credentials.Token);
        }

        return request;
    }
}
