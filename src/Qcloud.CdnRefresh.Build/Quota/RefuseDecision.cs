using Qcloud.CdnRefresh.Build.Diagnostics;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>The run must not start: nothing fits today. <paramref name="Message"/> has the numbers and the knobs to change.</summary>
internal sealed record RefuseDecision(string Explanation, string Message) : QuotaDecision(Explanation)
{
    public string Code => DiagnosticCodes.DailyQuotaInsufficient;

    /// <summary>The error to throw for a real run (a dry run logs <see cref="Message"/> as a warning instead).</summary>
    public CdnRefreshException ToException() => new(Code, Message);
}
