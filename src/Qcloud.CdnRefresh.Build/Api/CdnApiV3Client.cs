using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Signing;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// API 3.0 client: <c>PurgeUrlsCache</c> with <c>Area</c>, and <c>DescribePurgeQuota</c>, signed TC3-HMAC-SHA256
/// (reference/tencent-cdn-api.md §3).
/// </summary>
internal sealed class CdnApiV3Client : ICdnRefreshClient, IDisposable
{
    public const string PurgeUrlsCacheAction = "PurgeUrlsCache";
    public const string DescribePurgeQuotaAction = "DescribePurgeQuota";
    public const string ApiVersion = "2018-06-06";
    public const string Service = "cdn";

    /// <summary>Sent and signed exactly as written; HttpClient must not add or change a charset.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    public static readonly Uri DefaultEndpoint = new("https://cdn.tencentcloudapi.com/");

    private readonly TencentCredentials credentials;
    private readonly ApiClientOptions options;
    private readonly RetryingRequestRunner runner;

    public CdnApiV3Client(TencentCredentials credentials, ApiClientOptions options)
    {
        this.credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        runner = new RetryingRequestRunner(options, new[] { credentials.SecretKey, credentials.Token });
    }

    public string Action => PurgeUrlsCacheAction;

    public Uri Endpoint => options.Endpoint;

    public async Task<BatchOutcome> SubmitAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        BatchLimits.Check(urls);
        var body = PurgeUrlsCacheBody(urls, options.Area);
        var result = await runner.RunAsync(
            PurgeUrlsCacheAction,
            () => BuildRequest(PurgeUrlsCacheAction, body),
            (status, responseBody) => ApiV3ResponseReader.Read(status, responseBody, (response, requestId) =>
                BatchOutcome.Accepted(urls.Count, JsonBody.Text(JsonBody.Property(response, "TaskId")), requestId, 0)),
            cancellationToken).ConfigureAwait(false);

        return result.Value is { } accepted
            ? accepted with { Attempts = result.Attempts }
            : BatchOutcome.Failed(result.Failure!, result.Attempts);
    }

    /// <summary>What is left of today's purge quotas, per area. Never throws for API, HTTP or network failures.</summary>
    public async Task<PurgeQuotaOutcome> DescribePurgeQuotaAsync(CancellationToken cancellationToken)
    {
        var body = new byte[] { (byte)'{', (byte)'}' };
        var result = await runner.RunAsync(
            DescribePurgeQuotaAction,
            () => BuildRequest(DescribePurgeQuotaAction, body),
            (status, responseBody) => ApiV3ResponseReader.Read(status, responseBody, ReadQuota),
            cancellationToken).ConfigureAwait(false);

        return result.Value is { } quota
            ? quota with { Attempts = result.Attempts }
            : new PurgeQuotaOutcome { Failure = result.Failure, RequestId = result.Failure!.RequestId, Attempts = result.Attempts };
    }

    public void Dispose() => runner.Dispose();

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

    private HttpRequestMessage BuildRequest(string action, byte[] body)
    {
        // Read per attempt: a retry must carry a new timestamp and so a new signature.
        var timestamp = options.Clock().ToUnixTimeSeconds();
        var host = HostHeader.For(options.Endpoint);

        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", ContentType);

        var request = new HttpRequestMessage(HttpMethod.Post, options.Endpoint) { Content = content };
        request.Headers.Host = host;

        // .NET Framework would otherwise wait for a "100 Continue" that Tencent never sends.
        request.Headers.ExpectContinue = false;
        request.Headers.TryAddWithoutValidation("Authorization", Tc3Signer.BuildAuthorization(credentials, Service, host, ContentType, timestamp, body));
        request.Headers.TryAddWithoutValidation("X-TC-Action", action);
        request.Headers.TryAddWithoutValidation("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("X-TC-Version", ApiVersion);
        if (credentials.Token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-TC-Token", credentials.Token);
        }

        return request;
    }
}
