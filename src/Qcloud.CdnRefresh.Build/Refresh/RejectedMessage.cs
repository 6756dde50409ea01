using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Refresh;

/// <summary>
/// Says which entries of accepted requests the API did not take (EdgeOne's <c>FailedList</c>) and why: they are owed,
/// and the next run sends exactly those.
/// </summary>
internal static class RejectedMessage
{
    private const int Shown = 10;

    /// <summary>The message of <c>QCDN3009</c>, when rejections are the run's only failure.</summary>
    public static string Describe(SendResult sent)
    {
        var rejected = sent.Submission.Rejected;
        return $"The API did not accept {Count(rejected.Count, sent.Target)} of the requests it took: {List(sent)}. "
            + $"{sent.Accepted.Count} URLs were accepted; the {sent.NotAccepted.Count} not accepted are kept in the manifest and sent by the next run. "
            + "Fix the cause named by the API, then publish again.";
    }

    /// <summary>A sentence to add to another failure's message when entries were also rejected; empty when none were.</summary>
    public static string Also(SendResult sent) =>
        sent.Submission.Rejected.Count == 0
            ? string.Empty
            : $" Before it, the API also did not accept {Count(sent.Submission.Rejected.Count, sent.Target)}: {List(sent)}.";

    private static string Count(int count, RefreshTarget target) =>
        target == RefreshTarget.Directories
            ? (count == 1 ? "1 directory" : $"{count} directories")
            : (count == 1 ? "1 URL" : $"{count} URLs");

    private static string List(SendResult sent)
    {
        var rejected = sent.Submission.Rejected;
        var shown = rejected.Take(Shown).Select(r => $"{r.Entry} ({r.Reason})");
        return string.Join(", ", shown) + (rejected.Count > Shown ? $" and {rejected.Count - Shown} more" : string.Empty);
    }
}
