using System.Globalization;
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

    protected RetryingRequestRunner Runner => _runner ??= new RetryingRequestRunner(Options, new[] { Credentials.SecretKey, Credentials.Token });

    public abstract Task<TodaysQuota> ReadQuotaAsync(QuotaRequest request, bool offline, CancellationToken cancellationToken);

    public async Task<BatchOutcome> SubmitAsync(RefreshTarget target, IReadOnlyList<string> entries, CancellationToken cancellationToken)
    {
        BatchLimits.Check(target, entries, maxDirectoriesPerRequest);
        var action = target == RefreshTarget.Directories ? DirectoryAction : UrlAction;
        var signedAt = default(DateTimeOffset);
        var result = await Runner
            .RunAsync(action, now => BatchRequest(action, target, entries, signedAt = now), ReadBatchAnswer, cancellationToken)
            .ConfigureAwait(false);
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
