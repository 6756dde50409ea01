namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>One directory refresh of a <see cref="DirectoryPlan"/> and the changed URLs it stands in for.</summary>
/// <param name="Url">Absolute directory URL, ending with <c>/</c>, at or below the base URL.</param>
/// <param name="CoveredUrls">The input URLs under <paramref name="Url"/> (the directory URL itself included when it was an input), sorted ordinally.</param>
internal sealed record FoldedDirectory(string Url, IReadOnlyList<string> CoveredUrls);
