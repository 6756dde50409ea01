namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>
/// What <see cref="QuotaBudget"/> decided: <see cref="SendUrlsDecision"/>, <see cref="SendDirectoriesDecision"/> or
/// <see cref="RefuseDecision"/>.
/// </summary>
internal abstract record QuotaDecision
{
    /// <summary>URLs the run wants to refresh.</summary>
    public required int UrlsNeeded { get; init; }

    /// <summary>URL refreshes left today by the tightest limit known (never below 0).</summary>
    public required long UrlsAvailable { get; init; }

    /// <summary>One log line with the numbers behind the decision.</summary>
    public required string Explanation { get; init; }
}
