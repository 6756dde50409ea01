namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>
/// What <see cref="QuotaBudget"/> decided: <see cref="SendUrlsDecision"/>, <see cref="SendDirectoriesDecision"/> or
/// <see cref="RefuseDecision"/>.
/// </summary>
/// <param name="Explanation">One log line with the numbers behind the decision.</param>
internal abstract record QuotaDecision(string Explanation);
