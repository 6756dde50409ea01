using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Signing;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// API 2.0 client: <c>RefreshCdnOverSeaUrl</c> (overseas) or <c>RefreshCdnUrl</c> (mainland), a form POST signed with
/// HmacSHA1 or HmacSHA256 (reference/RefreshCdnOverSeaUrl.md, reference/tencent-cdn-api.md §1–2).
/// </summary>
internal sealed class CdnApiV2Client : ICdnRefreshClient, IDisposable
{
    public const string OverseasAction = "RefreshCdnOverSeaUrl";
    public const string MainlandAction = "RefreshCdnUrl";
    public const string ContentType = "application/x-www-form-urlencoded";

    public static readonly Uri DefaultEndpoint = new("https://cdn.api.qcloud.com/v2/index.php");

    private readonly TencentCredentials credentials;
    private readonly ApiClientOptions options;
    private readonly RetryingRequestRunner runner;

    public CdnApiV2Client(TencentCredentials credentials, ApiClientOptions options)
    {
        this.credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        Action = ActionFor(options.Area);
        runner = new RetryingRequestRunner(options, new[] { credentials.SecretKey, credentials.Token });
    }

    public string Action { get; }

    public Uri Endpoint => options.Endpoint;

    /// <summary>The v2 action for an area: anything but <c>mainland</c> is overseas, the purpose of this package.</summary>
    public static string ActionFor(string area) =>
        string.Equals(area, "mainland", StringComparison.OrdinalIgnoreCase) ? MainlandAction : OverseasAction;

    public async Task<BatchOutcome> SubmitAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        BatchLimits.Check(urls);
        var result = await runner.RunAsync(
            Action,
            () => BuildRequest(urls),
            (status, body) => ApiV2ResponseReader.Read(status, body, urls.Count),
            cancellationToken).ConfigureAwait(false);

        return result.Value is { } accepted
            ? accepted with { Attempts = result.Attempts }
            : BatchOutcome.Failed(result.Failure!, result.Attempts);
    }

    public void Dispose() => runner.Dispose();

    /// <summary>
    /// Every value percent-encoded exactly once with a strict encoder, so a <c>+</c> in a URL is sent as <c>%2B</c>
    /// and the server does not read it as a space (which breaks the signature: CDN_API_DEMO issue #4).
    /// </summary>
    internal static string EncodeForm(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var builder = new StringBuilder();
        foreach (var parameter in parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(parameter.Key)).Append('=').Append(Uri.EscapeDataString(parameter.Value));
        }

        return builder.ToString();
    }

    private HttpRequestMessage BuildRequest(IReadOnlyList<string> urls)
    {
        // Timestamp and Nonce are drawn per attempt: a replayed Nonce is refused (4500).
        var parameters = new List<KeyValuePair<string, string>>(urls.Count + 8)
        {
            new("Action", Action),
            new("SecretId", credentials.SecretId),
            new("Timestamp", options.Clock().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new("Nonce", options.Nonce().ToString(CultureInfo.InvariantCulture)),
        };

        // Absent means HmacSHA1 to the server, which is also what the original RefreshCdnOverSeaUrl examples send.
        if (options.SignatureMethod == ApiV2Signer.HmacSha256)
        {
            parameters.Add(new("SignatureMethod", ApiV2Signer.HmacSha256));
        }

        if (credentials.Token is not null)
        {
            parameters.Add(new("Token", credentials.Token));
        }

        for (var i = 0; i < urls.Count; i++)
        {
            parameters.Add(new("urls." + i.ToString(CultureInfo.InvariantCulture), urls[i]));
        }

        var host = HostHeader.For(options.Endpoint);
        var stringToSign = ApiV2Signer.BuildStringToSign("POST", host, options.Endpoint.AbsolutePath, parameters);
        parameters.Add(new("Signature", ApiV2Signer.Sign(stringToSign, credentials.SecretKey, options.SignatureMethod)));

        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(EncodeForm(parameters)));
        content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        var request = new HttpRequestMessage(HttpMethod.Post, options.Endpoint) { Content = content };
        request.Headers.Host = host;

        // .NET Framework would otherwise wait for a "100 Continue" before sending the body.
        request.Headers.ExpectContinue = false;
        return request;
    }
}
