namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>A file found by <see cref="DirectoryWalk"/>, by name only: its status is not read yet.</summary>
/// <param name="RelativePath">Path from the content root, <c>/</c>-separated, case as on disk.</param>
/// <param name="FullPath">Where the walk found it (through folder links, if any).</param>
internal sealed record FoundFile(string RelativePath, string FullPath);
