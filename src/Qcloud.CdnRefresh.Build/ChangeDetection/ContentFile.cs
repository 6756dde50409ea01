using System;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>A file of the content root with the hash of its contents: one entry of the state the manifest records.</summary>
/// <param name="RelativePath">Path from the content root, <c>/</c>-separated, case as on disk.</param>
/// <param name="UrlPath">The relative path whose URL a change of this file refreshes (see <see cref="ListedFile.UrlPath"/>).</param>
/// <param name="Size">Length in bytes, as listed before the file was read.</param>
/// <param name="LastWriteTimeUtc">Last write time, as listed before the file was read.</param>
/// <param name="Sha256">SHA-256 of the contents, 64 lowercase hex digits.</param>
internal sealed record ContentFile(string RelativePath, string UrlPath, long Size, DateTime LastWriteTimeUtc, string Sha256);
