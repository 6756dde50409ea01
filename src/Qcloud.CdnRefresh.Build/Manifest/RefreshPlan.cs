using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>What a run will refresh, and the numbers for its summary line.</summary>
internal sealed class RefreshPlan
{
    public RefreshPlan(
        IReadOnlyList<string> urls,
        IReadOnlyList<string> urlPaths,
        ChangeSet? changes,
        int fileCount,
        int owedCount,
        bool addedFilesRefreshed)
    {
        Urls = urls;
        UrlPaths = urlPaths;
        Changes = changes;
        FileCount = fileCount;
        OwedCount = owedCount;
        AddedFilesRefreshed = addedFilesRefreshed;
    }

    /// <summary>Every URL to submit: mapped changes plus the baseline's owed URLs, distinct, sorted ordinally.</summary>
    public IReadOnlyList<string> Urls { get; }

    /// <summary>The URL paths (relative to the base URL) that were mapped, distinct, sorted ordinally.</summary>
    public IReadOnlyList<string> UrlPaths { get; }

    /// <summary>The diff against the baseline, or null when there was none.</summary>
    public ChangeSet? Changes { get; }

    public bool HasBaseline => Changes is not null;

    /// <summary>Current files considered.</summary>
    public int FileCount { get; }

    public int ModifiedCount => Changes?.Modified.Count ?? 0;

    public int DeletedCount => Changes?.Deleted.Count ?? 0;

    public int AddedCount => Changes?.Added.Count ?? 0;

    /// <summary>URLs the baseline still owed (from a failed or unsent batch of an earlier run).</summary>
    public int OwedCount { get; }

    /// <summary>Whether added files were part of <see cref="UrlPaths"/> (<c>CdnRefreshAddedFiles</c>).</summary>
    public bool AddedFilesRefreshed { get; }

    /// <summary>One line for the build log, e.g. "120 files: 3 modified, 1 deleted, 2 added (not refreshed), 4 owed: 8 URLs".</summary>
    public string Summary =>
        HasBaseline
            ? $"{FileCount} files: {ModifiedCount} modified, {DeletedCount} deleted, {AddedCount} added"
              + (AddedFilesRefreshed || AddedCount == 0 ? string.Empty : " (not refreshed)")
              + $", {OwedCount} owed: {Urls.Count} URLs"
            : $"{FileCount} files, no baseline: {Urls.Count} URLs";
}
