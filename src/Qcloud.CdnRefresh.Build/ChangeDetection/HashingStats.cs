namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>What one hashing run cost, for the build log.</summary>
/// <param name="FilesHashed">Files whose contents were read.</param>
/// <param name="FilesReused">Files whose hash came from the cache, unread.</param>
/// <param name="BytesRead">Bytes read from all hashed files.</param>
internal sealed record HashingStats(int FilesHashed, int FilesReused, long BytesRead);
