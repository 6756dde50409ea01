namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>
/// The directory refreshes that replace a set of URL refreshes (<c>CdnRefreshOverQuota=directory</c>): every URL is
/// covered by exactly one directory, and no directory lies inside another.
/// </summary>
/// <param name="CoveredUrls">Each directory URL (absolute, ending with <c>/</c>, at or below a base URL) with the input URLs
/// under it (the directory URL itself included when it was an input); both sorted ordinally.</param>
internal sealed record DirectoryPlan(IReadOnlyDictionary<string, IReadOnlyList<string>> CoveredUrls)
{
    /// <summary>The directory URLs to send, in <see cref="CoveredUrls"/> order.</summary>
    public IReadOnlyList<string> DirectoryUrls => [.. CoveredUrls.Keys];
}
