using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>The output of <see cref="FileHasher.Hash"/>.</summary>
/// <param name="Sha256">SHA-256 of each listed file (64 lowercase hex digits), in the order the files were given.</param>
/// <param name="Stats">Files hashed, reused and bytes read.</param>
internal sealed record HashingResult(IReadOnlyList<string> Sha256, HashingStats Stats);
