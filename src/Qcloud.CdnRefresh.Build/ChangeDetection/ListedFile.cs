namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>A file of the content root, as found by <see cref="ContentFileLister"/>, before hashing.</summary>
/// <param name="RelativePath">Path from the content root, <c>/</c>-separated, case as on disk.</param>
/// <param name="UrlPath">
/// The relative path whose URL this file stands for: the source file's path for a precompressed sibling
/// (<c>site.css</c> for <c>site.css.br</c>), else <paramref name="RelativePath"/> itself.
/// </param>
/// <param name="FullPath">Where to read it (a symbolic link's own path: opening it follows the link).</param>
/// <param name="Size">Length in bytes (of the link's target for a symbolic link).</param>
/// <param name="LastWriteTimeUtc">Last write time (of the link's target for a symbolic link).</param>
internal sealed record ListedFile(string RelativePath, string UrlPath, string FullPath, long Size, DateTime LastWriteTimeUtc);
