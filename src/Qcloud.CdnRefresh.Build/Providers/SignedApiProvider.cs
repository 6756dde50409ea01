using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Quota;
using Qcloud.CdnRefresh.Build.Signing;

namespace Qcloud.CdnRefresh.Build.Providers;

/// <summary>
/// What the providers of Tencent's signed HTTP APIs share: the credentials, read on the first request; the retrying
/// runner; the batch limits; and the signing time of each accepted batch, which its status query needs.
/// </summary>
/// <param name="context">The run's settings, seams, credentials source and log.</param>
/// <param name="maxDirectoriesPerRequest">The largest directory batch this API is sent.</param>
internal abstract class SignedApiProvider(ProviderContext context, int maxDirectoriesPerRequest) : IRefreshProvider
{
    /// <summary>API 3.0's content type, sent and signed exactly as written; HttpClient must not add or change a charset.</summary>
    private const string Tc3ContentType = "application/json; charset=utf-8";

    private TencentCredentials? _credentials;
    private RetryingRequestRunner? _runner;

    public abstract string UrlAction { get; }

    public abstract string DirectoryAction { get; }

    public Uri Endpoint => Options.Endpoint;

    protected ProviderContext Context { get; } = context;

    protected ApiClientOptions Options => Context.Client;

    /// <summary>Read on the first request, so that a dry run needs none.</summary>
    protected TencentCredentials Credentials => _credentials ??= Context.Credentials();

    /// <summary>The <c>Host</c> header, which both signatures cover, so each request sets and signs exactly this.</summary>
    protected string Host => HostOf(Options.Endpoint);

    private RetryingRequestRunner Runner => _runner ??= new RetryingRequestRunner(Options, new[] { Credentials.SecretKey, Credentials.Token });

    public abstract Task<TodaysQuota> ReadQuotaAsync(QuotaRequest request, bool offline, CancellationToken cancellationToken);

    public async Task<BatchOutcome> SubmitAsync(RefreshTarget target, IReadOnlyList<string> entries, CancellationToken cancellationToken)
    {
        BatchLimits.Check(target, entries, maxDirectoriesPerRequest);
        var action = target == RefreshTarget.Directories ? DirectoryAction : UrlAction;
        var signedAt = default(DateTimeOffset);
        var result = await RunAsync(
            action,
            now => BatchRequest(action, target, entries, signedAt = now),
            ReadBatchAnswer,
            cancellationToken).ConfigureAwait(false);

        return result.Value is { } accepted
            ? accepted with { Target = target, Urls = entries, SubmittedAt = signedAt }
            : BatchOutcome.Failed(result.Failure!);
    }

    public abstract Task<RefreshStatusOutcome> GetStatusAsync(IReadOnlyList<BatchOutcome> batches, CancellationToken cancellationToken);

    public virtual void RecordAccepted(RefreshTarget target, int count)
    {
    }

    public void Dispose() => _runner?.Dispose();

    /// <summary>The ASCII host, plus the port when it is not the scheme's default.</summary>
    internal static string HostOf(Uri endpoint)
    {
        var host = endpoint.IdnHost;
        if (endpoint.HostNameType == UriHostNameType.IPv6 && !host.StartsWith("[", StringComparison.Ordinal))
        {
            host = "[" + host + "]";
        }

        return endpoint.IsDefaultPort ? host : host + ":" + endpoint.Port.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The signed request of one batch of <paramref name="target"/>, sent as <paramref name="action"/>.</summary>
    protected abstract HttpRequestMessage BatchRequest(string action, RefreshTarget target, IReadOnlyList<string> entries, DateTimeOffset now);

    /// <summary>Reads the answer to a batch: accepted (with its task id, if any) or a classified failure.</summary>
    protected abstract ApiCallResult<BatchOutcome> ReadBatchAnswer(int httpStatus, byte[] body);

    /// <summary>
    /// One API call, retried where safe. <paramref name="buildRequest"/> is given the clock's time at each attempt, so a
    /// retry carries a new timestamp and signature.
    /// </summary>
    protected Task<ApiCallResult<T>> RunAsync<T>(
        string action,
        Func<DateTimeOffset, HttpRequestMessage> buildRequest,
        Func<int, byte[], ApiCallResult<T>> readAnswer,
        CancellationToken cancellationToken,
        RetryPolicy? policy = null)
        where T : class =>
        Runner.RunAsync(action, () => buildRequest(Options.Clock()), readAnswer, cancellationToken, policy);

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
    /// The statuses of one refresh task, page after page (<paramref name="requestPage"/> is given the offset and the
    /// signing time) until the page's total is reached. An empty page ends it too: a total that overstates must not
    /// loop for ever. Never throws for API, HTTP or network failures: the outcome then carries the failure and the
    /// statuses of the pages read before it.
    /// </summary>
    protected async Task<RefreshStatusOutcome> ReadStatusPagesAsync<TPage>(
        string action,
        Func<int, DateTimeOffset, HttpRequestMessage> requestPage,
        Func<int, byte[], ApiCallResult<TPage>> readPage,
        Func<TPage, (IReadOnlyList<UrlRefreshStatus> Statuses, long? Total)> contentOf,
        CancellationToken cancellationToken)
        where TPage : class
    {
        var statuses = new List<UrlRefreshStatus>();
        while (true)
        {
            var offset = statuses.Count;
            var result = await RunAsync(action, now => requestPage(offset, now), readPage, cancellationToken, RetryPolicy.StatusQuery).ConfigureAwait(false);
            if (result.Value is not { } page)
            {
                return new RefreshStatusOutcome { Statuses = statuses, Failure = result.Failure };
            }

            var (read, total) = contentOf(page);
            statuses.AddRange(read);
            if (read.Count == 0 || statuses.Count >= (total ?? 0))
            {
                return new RefreshStatusOutcome { Statuses = statuses };
            }
        }
    }

    /// <summary>A request body as API 3.0 takes it: the value as UTF-8 JSON, written by its source-generated type info.</summary>
    protected static byte[] Json<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    /// <summary>
    /// An API 3.0 JSON request: <paramref name="body"/> POSTed as <paramref name="action"/> of <paramref name="version"/>,
    /// signed TC3-HMAC-SHA256 for <paramref name="service"/> at <paramref name="now"/>.
    /// </summary>
    protected HttpRequestMessage Tc3Request(string service, string version, string action, byte[] body, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds();
        var request = Post(body, Tc3ContentType);
        request.Headers.TryAddWithoutValidation("Authorization", Tc3Signer.BuildAuthorization(Credentials, service, Host, Tc3ContentType, timestamp, body));
        request.Headers.TryAddWithoutValidation("X-TC-Action", action);
        request.Headers.TryAddWithoutValidation("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("X-TC-Version", version);
        if (Credentials.Token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-TC-Token", Credentials.Token);
        }

        return request;
    }

    /// <summary>A POST of <paramref name="body"/> to the endpoint, with exactly the content type and host that are signed.</summary>
    protected HttpRequestMessage Post(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, Options.Endpoint) { Content = content };
        request.Headers.Host = Host;

        // .NET Framework would otherwise wait for a "100 Continue" that Tencent never sends.
        request.Headers.ExpectContinue = false;
        return request;
    }
}
