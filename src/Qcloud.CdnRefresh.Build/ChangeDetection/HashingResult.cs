namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>The SHA-256 of each file (64 lowercase hex digits), in the order <see cref="FileHasher.Hash"/> was given them.</summary>
internal sealed record HashingResult(IReadOnlyList<string> Sha256, HashingStats Stats);
