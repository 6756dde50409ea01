namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>A hash recorded by an earlier run, reused while the file's size and last write time are unchanged.</summary>
/// <param name="Size">Length in bytes when it was hashed.</param>
/// <param name="LastWriteTimeUtcTicks">Last write time (UTC, <see cref="System.DateTime.Ticks"/>) when it was hashed.</param>
/// <param name="Sha256">SHA-256 of the contents, 64 lowercase hex digits.</param>
internal readonly record struct CachedHash(long Size, long LastWriteTimeUtcTicks, string Sha256);
