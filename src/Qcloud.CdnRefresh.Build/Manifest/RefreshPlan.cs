namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>What a run will refresh, and the numbers for its summary line.</summary>
/// <param name="Urls">Every URL to submit: the changes mapped under every base URL plus the baseline's owed URLs, distinct, sorted ordinally.</param>
/// <param name="Changes">The diff against the baseline, or null when there was none.</param>
/// <param name="FileCount">Current files considered.</param>
/// <param name="OwedCount">URLs the baseline still owed (from a failed or unsent batch of an earlier run).</param>
/// <param name="AddedFilesRefreshed">Whether added files were mapped too (<c>CdnRefreshAddedFiles</c>).</param>
internal sealed record RefreshPlan(IReadOnlyList<string> Urls, ChangeSet? Changes, int FileCount, int OwedCount, bool AddedFilesRefreshed)
{
    /// <summary>Relative paths of the immutable files that would have been refreshed and are not (<c>CdnRefreshSkipImmutable</c>), sorted ordinally.</summary>
    public IReadOnlyList<string> ImmutableLeftAlone { get; init; } = Array.Empty<string>();

    /// <summary>The URLs under each base URL, in the user's order, for display; <see cref="Urls"/> is what is sent.</summary>
    public IReadOnlyList<PlannedBaseUrl> BaseUrls { get; init; } = Array.Empty<PlannedBaseUrl>();

    /// <summary>Owed URLs in <see cref="Urls"/> that lie under none of the base URLs, sorted ordinally; sent all the same.</summary>
    public IReadOnlyList<string> OwedUnderNoBaseUrl { get; init; } = Array.Empty<string>();

    public bool HasBaseline => Changes is not null;

    public int ModifiedCount => Changes?.Modified.Count ?? 0;

    public int DeletedCount => Changes?.Deleted.Count ?? 0;

    public int AddedCount => Changes?.Added.Count ?? 0;

    /// <summary>
    /// One line for the build log, e.g. "120 files: 3 modified, 1 deleted, 2 added (not refreshed), 4 owed: 8 URLs", with
    /// ", 6 immutable left alone" before the URLs when there are such files, ", 1 new base URL" when the baseline does
    /// not record every base URL, and " under 2 base URLs" after the URLs when there are several.
    /// </summary>
    public string Summary =>
        (HasBaseline
            ? $"{FileCount} files: {ModifiedCount} modified, {DeletedCount} deleted, {AddedCount} added"
              + (AddedFilesRefreshed || AddedCount == 0 ? string.Empty : " (not refreshed)")
              + $", {OwedCount} owed"
            : $"{FileCount} files, no baseline")
        + (ImmutableLeftAlone.Count > 0 ? $", {ImmutableLeftAlone.Count} immutable left alone" : string.Empty)
        + (HasBaseline && NewBaseUrlCount > 0 ? $", {NewBaseUrlCount} new base {(NewBaseUrlCount == 1 ? "URL" : "URLs")}" : string.Empty)
        + $": {Urls.Count} URLs"
        + (BaseUrls.Count > 1 ? $" under {BaseUrls.Count} base URLs" : string.Empty);

    private int NewBaseUrlCount => BaseUrls.Count(baseUrl => baseUrl.IsNew);
}
