namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>
/// The JSON bodies API 3.0 is sent, their fields in the order written here: the body is signed as sent, and API 3.0
/// refuses fields it does not know. <c>FlushType</c> <c>flush</c> refreshes what changed in a directory (<c>delete</c>
/// would drop everything); <c>PurgeType</c> is <c>url</c> for a <c>PurgeUrlsCache</c> task, <c>path</c> for a
/// <c>PurgePathCache</c> one.
/// </summary>
internal static class V3Requests
{
    internal sealed record PurgeUrlsCache(IReadOnlyList<string> Urls, string Area);

    internal sealed record PurgePathCache(IReadOnlyList<string> Paths, string FlushType, string Area);

    internal sealed record DescribePurgeTasks(string PurgeType, string TaskId, int Offset, int Limit, string Area);
}
