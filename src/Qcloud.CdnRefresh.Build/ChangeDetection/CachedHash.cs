namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// A hash recorded by an earlier run (64 lowercase hex digits), reused while the file's size and last write time
/// (UTC <see cref="System.DateTime.Ticks"/>) are those it was hashed at.
/// </summary>
internal sealed record CachedHash(long Size, long LastWriteTimeUtcTicks, string Sha256);
