using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>The output of <see cref="FileHasher.Hash"/>.</summary>
/// <remarks>
/// Holds one hash per listed file rather than one <see cref="ContentFile"/> each: the caller turns the listing and the
/// hashes into its own records once, and 50,000 intermediate objects are never made.
/// </remarks>
internal sealed class HashingResult
{
    public HashingResult(IReadOnlyList<ListedFile> listed, IReadOnlyList<string> sha256, HashingStats stats)
    {
        Sha256 = sha256;
        Files = new ContentFileList(listed, sha256);
        Stats = stats;
    }

    /// <summary>SHA-256 of each listed file (64 lowercase hex digits), in the order they were given.</summary>
    public IReadOnlyList<string> Sha256 { get; }

    /// <summary>One entry per listed file, in the order they were given (made on access).</summary>
    public IReadOnlyList<ContentFile> Files { get; }

    /// <summary>Files hashed, reused and bytes read.</summary>
    public HashingStats Stats { get; }
}
