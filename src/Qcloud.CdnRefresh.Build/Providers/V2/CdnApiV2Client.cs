using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Signing;

using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.V2;

/// <summary>
/// API 2.0 client, a form POST signed with HmacSHA1 or HmacSHA256: URLs with <c>RefreshCdnOverSeaUrl</c> (overseas) or <c>RefreshCdnUrl</c>
/// (mainland), directories with <c>RefreshCdnOverSeaDir</c> or <c>RefreshCdnDir</c>, and their status from
/// <c>GetCdnOverseaRefreshLog</c> or <c>GetCdnRefreshLog</c>.
/// </summary>
internal sealed class CdnApiV2Client : IDisposable
{
    public const string OverseasAction = "RefreshCdnOverSeaUrl";
    public const string MainlandAction = "RefreshCdnUrl";
    public const string OverseasDirectoryAction = "RefreshCdnOverSeaDir";
    public const string MainlandDirectoryAction = "RefreshCdnDir";
    public const string OverseasLogAction = "GetCdnOverseaRefreshLog";
    public const string MainlandLogAction = "GetCdnRefreshLog";
    public const string ContentType = "application/x-www-form-urlencoded";

    /// <summary><c>RefreshCdnDir</c> <c>type</c>: 1 refreshes what changed (compared by Last-Modified), 2 everything.</summary>
    public const string RefreshChangedType = "1";

    public static readonly Uri DefaultEndpoint = new("https://cdn.api.qcloud.com/v2/index.php");

    private readonly TencentCredentials _credentials;
    private readonly ApiClientOptions _options;
    private readonly RetryingRequestRunner _runner;

    public CdnApiV2Client(TencentCredentials credentials, ApiClientOptions options)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        Action = ActionFor(_options.Area);
        _runner = new RetryingRequestRunner(options, new[] { _credentials.SecretKey, _credentials.Token });
    }

    public string Action { get; }

    public string DirectoryAction => DirectoryActionFor(_options.Area);

    public Uri Endpoint => _options.Endpoint;

    /// <summary>The v2 action for an area: anything but <c>mainland</c> is overseas, the purpose of this package.</summary>
    public static string ActionFor(string area) => IsMainland(area) ? MainlandAction : OverseasAction;

    /// <summary>The v2 directory action for an area.</summary>
    public static string DirectoryActionFor(string area) => IsMainland(area) ? MainlandDirectoryAction : OverseasDirectoryAction;

    public Task<BatchOutcome> SubmitAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        BatchLimits.Check(urls);
        return SendBatchAsync(Action, Numbered("urls", urls), urls.Count, cancellationToken);
    }

    /// <summary>At most <see cref="V2Quota.MaxDirectoriesPerRequest"/> directories; mainland refreshes what changed (<c>type=1</c>).</summary>
    public Task<BatchOutcome> SubmitDirectoriesAsync(IReadOnlyList<string> directories, CancellationToken cancellationToken)
    {
        DirectoryLimits.Check(directories, V2Quota.MaxDirectoriesPerRequest);
        var parameters = Numbered("dirs", directories);
        if (IsMainland(_options.Area))
        {
            parameters.Add(new("type", RefreshChangedType));
        }

        return SendBatchAsync(DirectoryAction, parameters, directories.Count, cancellationToken);
    }

    /// <summary>
    /// Overseas: one <c>GetCdnOverseaRefreshLog</c> per Beijing day of submission, the whole day's log matched here
    /// by URL (one call per day instead of one per URL, which a 1000-URL batch would make 1000 calls).
    /// Mainland: <c>GetCdnRefreshLog</c> by <c>taskId</c>; a batch without one (<c>RefreshCdnDir</c> returns none)
    /// reads its Beijing day by <c>startDate</c>/<c>endDate</c>.
    /// </summary>
    public Task<RefreshStatusOutcome> GetStatusAsync(IReadOnlyList<SubmittedBatch> batches, CancellationToken cancellationToken) =>
        IsMainland(_options.Area)
            ? RefreshStatusCollector.CollectAsync(batches, MainlandLogKey, ReadMainlandLogAsync, cancellationToken)
            : RefreshStatusCollector.CollectAsync(batches, b => BeijingTime.CompactDate(b.SubmittedAt), ReadOverseasLogAsync, cancellationToken);

    public void Dispose() => _runner.Dispose();

    /// <summary>
    /// Every value percent-encoded exactly once with a strict encoder, so a <c>+</c> in a URL is sent as <c>%2B</c>
    /// and the server does not read it as a space (which would break the signature).
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

    private static bool IsMainland(string area) => string.Equals(area, "mainland", StringComparison.OrdinalIgnoreCase);

    private static List<KeyValuePair<string, string>> Numbered(string name, IReadOnlyList<string> values)
    {
        var parameters = new List<KeyValuePair<string, string>>(values.Count + 1);
        for (var i = 0; i < values.Count; i++)
        {
            parameters.Add(new(name + "." + i.ToString(CultureInfo.InvariantCulture), values[i]));
        }

        return parameters;
    }

    private static string? MainlandLogKey(SubmittedBatch batch) =>
        batch.TaskId is { } taskId ? "task " + taskId : "day " + BeijingTime.CompactDate(batch.SubmittedAt);

    private async Task<BatchOutcome> SendBatchAsync(
        string action, IReadOnlyList<KeyValuePair<string, string>> actionParameters, int batchSize, CancellationToken cancellationToken)
    {
        var sentAt = default(DateTimeOffset);
        var result = await _runner.RunAsync(
            action,
            () => BuildRequest(action, actionParameters, out sentAt),
            (status, body) => ApiV2ResponseReader.Read(status, body, batchSize),
            cancellationToken).ConfigureAwait(false);

        return result.Value is { } accepted
            ? accepted with { Attempts = result.Attempts, SubmittedAt = sentAt }
            : BatchOutcome.Failed(result.Failure!, result.Attempts);
    }

    private Task<RefreshStatusOutcome> ReadOverseasLogAsync(SubmittedBatch batch, CancellationToken cancellationToken)
    {
        // Tencent files the log by Beijing day (UTC+8), so a batch sent at 23:30 UTC is in the next day's log.
        var parameters = new[] { new KeyValuePair<string, string>("date", BeijingTime.CompactDate(batch.SubmittedAt)) };
        return ReadLogAsync(OverseasLogAction, parameters, ApiV2RefreshLogReader.ReadOverseas, cancellationToken);
    }

    private Task<RefreshStatusOutcome> ReadMainlandLogAsync(SubmittedBatch batch, CancellationToken cancellationToken)
    {
        var parameters = batch.TaskId is { } taskId
            ? new[] { new KeyValuePair<string, string>("taskId", taskId) }
            : new[]
            {
                new KeyValuePair<string, string>("startDate", BeijingTime.StartOfDay(batch.SubmittedAt)),
                new KeyValuePair<string, string>("endDate", BeijingTime.EndOfDay(batch.SubmittedAt)),
            };
        return ReadLogAsync(MainlandLogAction, parameters, ApiV2RefreshLogReader.ReadMainland, cancellationToken);
    }

    private async Task<RefreshStatusOutcome> ReadLogAsync(
        string action,
        IReadOnlyList<KeyValuePair<string, string>> actionParameters,
        Func<JsonElement?, IReadOnlyList<UrlRefreshStatus>?> readLog,
        CancellationToken cancellationToken)
    {
        var result = await _runner.RunAsync(
            action,
            () => BuildRequest(action, actionParameters, out _),
            (status, body) => ApiV2ResponseReader.Read(status, body, readLog),
            cancellationToken,
            RetryPolicy.StatusQuery).ConfigureAwait(false);

        return new RefreshStatusOutcome { Statuses = result.Value ?? Array.Empty<UrlRefreshStatus>(), Calls = 1, Failure = result.Failure };
    }

    private HttpRequestMessage BuildRequest(string action, IReadOnlyList<KeyValuePair<string, string>> actionParameters, out DateTimeOffset sentAt)
    {
        // Timestamp and Nonce are drawn per attempt: a replayed Nonce is refused (4500).
        sentAt = _options.Clock();
        var parameters = new List<KeyValuePair<string, string>>(actionParameters.Count + 8)
        {
            new("Action", action),
            new("SecretId", _credentials.SecretId),
            new("Timestamp", sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new("Nonce", _options.Nonce().ToString(CultureInfo.InvariantCulture)),
        };

        // Absent means HmacSHA1 to the server, which is also what the original RefreshCdnOverSeaUrl examples send.
        if (_options.SignatureMethod == ApiV2Signer.HmacSha256)
        {
            parameters.Add(new("SignatureMethod", ApiV2Signer.HmacSha256));
        }

        if (_credentials.Token is not null)
        {
            parameters.Add(new("Token", _credentials.Token));
        }

        parameters.AddRange(actionParameters);

        var host = HostHeader.For(_options.Endpoint);
        var stringToSign = ApiV2Signer.BuildStringToSign("POST", host, _options.Endpoint.AbsolutePath, parameters);
        parameters.Add(new("Signature", ApiV2Signer.Sign(stringToSign, _credentials.SecretKey, _options.SignatureMethod)));

        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(EncodeForm(parameters)));
        content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        var request = new HttpRequestMessage(HttpMethod.Post, _options.Endpoint) { Content = content };
        request.Headers.Host = host;

        // .NET Framework would otherwise wait for a "100 Continue" before sending the body.
        request.Headers.ExpectContinue = false;
        return request;
    }
}
