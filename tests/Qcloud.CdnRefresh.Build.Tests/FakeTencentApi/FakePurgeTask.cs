using System;
using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>An accepted refresh, kept so the status actions can report on it.</summary>
internal sealed record FakePurgeTask
{
    public required string Id { get; init; }

    /// <summary><c>mainland</c> or <c>overseas</c>.</summary>
    public required string Area { get; init; }

    /// <summary><c>url</c> or <c>path</c>, as DescribePurgeTasks names it.</summary>
    public required string PurgeType { get; init; }

    /// <summary><c>flush</c> or <c>delete</c>; URL tasks are <c>flush</c>.</summary>
    public required string FlushType { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required IReadOnlyList<FakePurgeEntry> Entries { get; init; }
}
