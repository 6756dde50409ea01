namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>
/// The directory refreshes that replace a set of URL refreshes (<c>CdnRefreshOverQuota=directory</c>), sorted ordinally
/// by URL: every URL is covered by exactly one directory, and no directory lies inside another.
/// </summary>
internal sealed record DirectoryPlan(IReadOnlyList<FoldedDirectory> Directories)
{
    /// <summary>The directory URLs to send, in <see cref="Directories"/> order.</summary>
    public IReadOnlyList<string> DirectoryUrls => Directories.Select(d => d.Url).ToList();
}
