using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>The output of <see cref="FileHasher.Hash"/>.</summary>
/// <param name="Files">One entry per listed file, in the order they were given.</param>
/// <param name="Stats">Files hashed, reused and bytes read.</param>
internal sealed record HashingResult(IReadOnlyList<ContentFile> Files, HashingStats Stats);
