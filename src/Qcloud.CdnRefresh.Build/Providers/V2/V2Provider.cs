using System.Globalization;
using System.Text;
using System.Text.Json;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Quota;
using Qcloud.CdnRefresh.Build.Signing;
using static System.FormattableString;

namespace Qcloud.CdnRefresh.Build.Providers.V2;

/// <summary>
/// API 2.0 (<c>CdnRefreshApi=v2</c>), a form POST signed with HmacSHA1 or HmacSHA256: URLs with
/// <c>RefreshCdnOverSeaUrl</c> (overseas) or <c>RefreshCdnUrl</c> (mainland), directories with
/// <c>RefreshCdnOverSeaDir</c> or <c>RefreshCdnDir</c>, status from <c>GetCdnOverseaRefreshLog</c> or
/// <c>GetCdnRefreshLog</c>. The API cannot say what is left of today's quota, so this provider counts what it
/// accepted in a usage file beside the manifest.
/// </summary>
internal sealed class V2Provider(ProviderContext context) : SignedApiProvider(context, MaxDirectoriesPerRequest)
{
    public const string OverseasAction = "RefreshCdnOverSeaUrl";
    public const string MainlandAction = "RefreshCdnUrl";
    public const string OverseasDirectoryAction = "RefreshCdnOverSeaDir";
    public const string MainlandDirectoryAction = "RefreshCdnDir";
    public const string OverseasLogAction = "GetCdnOverseaRefreshLog";
    public const string MainlandLogAction = "GetCdnRefreshLog";

    private const string ContentType = "application/x-www-form-urlencoded";

    /// <summary><c>RefreshCdnOverSeaDir</c> and <c>RefreshCdnDir</c>: at most 20 directories a request.</summary>
    private const int MaxDirectoriesPerRequest = 20;

    /// <summary>At most 100 directories a day per area.</summary>
    private const int MaxDirectoriesPerDay = 100;

    /// <summary><c>RefreshCdnDir</c> <c>type</c>: 1 refreshes what changed (compared by Last-Modified), 2 everything.</summary>
    private const string RefreshChangedType = "1";

    public static readonly ProviderRegistration Registration =
        new("v2", new Uri("https://cdn.api.qcloud.com/v2/index.php"), context => new V2Provider(context));

    private DailyUsageStore? _usage;

    /// <summary>Anything but <c>mainland</c> is overseas, the purpose of this package.</summary>
    public override string UrlAction => IsMainland ? MainlandAction : OverseasAction;

    public override string DirectoryAction => IsMainland ? MainlandDirectoryAction : OverseasDirectoryAction;

    private bool IsMainland => string.Equals(Options.Area, "mainland", StringComparison.OrdinalIgnoreCase);

    /// <summary>From this machine's count; the same online and offline, since no request can tell more.</summary>
    public override Task<TodaysQuota> ReadQuotaAsync(QuotaRequest request, bool offline, CancellationToken cancellationToken)
    {
        var usage = LoadUsage();
        var now = Options.Clock();
        var urlsUsed = usage?.Used(request.Area, RefreshTarget.Urls, now) ?? 0;
        var directoriesUsed = usage?.Used(request.Area, RefreshTarget.Directories, now) ?? 0;
        return Task.FromResult(Today(request, urlsUsed, directoriesUsed));
    }

    /// <summary>
    /// Today's allowances from this machine's count of what the API accepted today: URLs = <c>CdnRefreshDailyQuota</c>
    /// minus today's use; directories = 100 a day minus today's use, 20 a request.
    /// </summary>
    internal static TodaysQuota Today(QuotaRequest request, long urlsUsedToday, long directoriesUsedToday) => new(
        new Allowance(
            request.DailyQuota - urlsUsedToday,
            request.BatchSize,
            Invariant($"CdnRefreshDailyQuota is {request.DailyQuota} and {urlsUsedToday} were already accepted today for {request.Area}"),
            DailyQuotaBinds: true),
        new Allowance(
            MaxDirectoriesPerDay - directoriesUsedToday,
            MaxDirectoriesPerRequest,
            Invariant($"API 2.0 allows {MaxDirectoriesPerDay} directory refreshes a day ")
                + Invariant($"and {directoriesUsedToday} were already accepted today for {request.Area}"),
            DailyQuotaBinds: false));

    /// <summary>
    /// Overseas: one <c>GetCdnOverseaRefreshLog</c> per Beijing day of submission, the whole day's log matched by URL
    /// (one call per day, not one per URL). Mainland: <c>GetCdnRefreshLog</c> by <c>taskId</c>; a batch without one
    /// (<c>RefreshCdnDir</c> returns none) reads its Beijing day by <c>startDate</c>/<c>endDate</c>. Batches with the
    /// same query share one call.
    /// </summary>
    public override Task<RefreshStatusOutcome> GetStatusAsync(IReadOnlyList<BatchOutcome> batches, CancellationToken cancellationToken) =>
        RefreshStatusCollector.CollectAsync(
            batches, batch => EncodeForm(LogQuery(batch)), (batch, token) => ReadLogAsync(LogQuery(batch), token), cancellationToken);

    public override void RecordAccepted(RefreshTarget target, int count)
    {
        if (LoadUsage() is not { } usage)
        {
            return;
        }

        usage.Add(Options.Area, target, count, Options.Clock());
        try
        {
            usage.Save();
        }
        catch (CdnRefreshException e)
        {
            // The batches were accepted: failing now would leave the manifest unsaved and send them twice.
            Context.Log.Warning(e.Code, e.Message + " Today's count of accepted refreshes may be too low; the API still enforces its quota.");
        }
    }

    /// <summary><c>urls.0</c>, <c>urls.1</c>, …, or <c>dirs.N</c> with <c>type=1</c> on the mainland, which refreshes what changed.</summary>
    protected override HttpRequestMessage BatchRequest(string action, RefreshTarget target, IReadOnlyList<string> entries, DateTimeOffset now)
    {
        var name = target == RefreshTarget.Directories ? "dirs" : "urls";
        var parameters = entries.Select((entry, i) => Parameter(name + "." + i.ToString(CultureInfo.InvariantCulture), entry)).ToList();
        if (target == RefreshTarget.Directories && IsMainland)
        {
            parameters.Add(Parameter("type", RefreshChangedType));
        }

        return Request(action, parameters, now);
    }

    protected override ApiCallResult<BatchOutcome> ReadBatchAnswer(int httpStatus, byte[] body) =>
        V2ResponseReader.Read(httpStatus, body, data => BatchOutcome.Accepted(JsonBody.Text(JsonBody.Property(data, "task_id"))));

    private static KeyValuePair<string, string> Parameter(string name, string value) => new(name, value);

    /// <summary>
    /// Every value percent-encoded exactly once with a strict encoder, so a <c>+</c> in a URL is sent as <c>%2B</c>
    /// and the server does not read it as a space (which would break the signature).
    /// </summary>
    private static string EncodeForm(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    /// <summary>
    /// Where a batch's log entries are. Tencent files the logs by Beijing day (UTC+8), so a batch sent at 23:30 UTC is
    /// in the next day's log.
    /// </summary>
    private KeyValuePair<string, string>[] LogQuery(BatchOutcome batch) =>
        !IsMainland ? [Parameter("date", BeijingTime.Format(batch.SubmittedAt, "yyyyMMdd"))]
        : batch.TaskId is { } taskId ? [Parameter("taskId", taskId)]
        : [Parameter("startDate", BeijingTime.Format(batch.SubmittedAt, "yyyy-MM-dd 00:00:00")),
            Parameter("endDate", BeijingTime.Format(batch.SubmittedAt, "yyyy-MM-dd 23:59:59"))];

    private async Task<RefreshStatusOutcome> ReadLogAsync(IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        var action = IsMainland ? MainlandLogAction : OverseasLogAction;
        Func<JsonElement?, IReadOnlyList<UrlRefreshStatus>?> readLog = IsMainland ? V2ResponseReader.ReadMainland : V2ResponseReader.ReadOverseas;
        var result = await Runner.RunAsync(
            action,
            now => Request(action, query, now),
            (status, body) => V2ResponseReader.Read(status, body, readLog),
            cancellationToken,
            RetryPolicy.StatusQuery).ConfigureAwait(false);
        return new RefreshStatusOutcome(result.Value ?? Array.Empty<UrlRefreshStatus>(), result.Failure);
    }

    private DailyUsageStore? LoadUsage()
    {
        if (_usage is null && Context.ManifestPath is not null)
        {
            _usage = DailyUsageStore.Load(DailyUsageStore.PathFor(Context.ManifestPath), Options.Clock());
            foreach (var warning in _usage.Warnings)
            {
                Context.Log.Warning(warning.Code, warning.Message);
            }
        }

        return _usage;
    }

    private HttpRequestMessage Request(string action, IReadOnlyList<KeyValuePair<string, string>> actionParameters, DateTimeOffset now)
    {
        // Timestamp and Nonce are drawn per attempt: a replayed Nonce is refused (4500).
        var parameters = new List<KeyValuePair<string, string>>
        {
            Parameter("Action", action),
            Parameter("SecretId", Credentials.SecretId),
            Parameter("Timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            Parameter("Nonce", Options.Nonce().ToString(CultureInfo.InvariantCulture)),
        };

        // Absent means HmacSHA1 to the server, which is also what the original RefreshCdnOverSeaUrl examples send.
        if (Options.SignatureMethod == ApiV2Signer.HmacSha256)
        {
            parameters.Add(Parameter("SignatureMethod", ApiV2Signer.HmacSha256));
        }

        if (Credentials.Token is not null)
        {
            parameters.Add(Parameter("Token", Credentials.Token));
        }

        parameters.AddRange(actionParameters);
        var stringToSign = ApiV2Signer.BuildStringToSign("POST", Host, Options.Endpoint.AbsolutePath, parameters);
        parameters.Add(Parameter("Signature", ApiV2Signer.Sign(stringToSign, Credentials.SecretKey, Options.SignatureMethod)));
        return Post(Encoding.ASCII.GetBytes(EncodeForm(parameters)), ContentType);
    }
}
