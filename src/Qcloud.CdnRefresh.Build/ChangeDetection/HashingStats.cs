namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>What one hashing run cost, for the build log: files read, files whose hash the cache gave, bytes read.</summary>
internal sealed record HashingStats(int FilesHashed, int FilesReused, long BytesRead);
