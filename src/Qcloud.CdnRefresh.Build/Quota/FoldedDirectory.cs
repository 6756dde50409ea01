using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Quota;

/// <summary>One directory refresh of a <see cref="DirectoryPlan"/> and the changed URLs it stands in for.</summary>
internal sealed class FoldedDirectory
{
    public FoldedDirectory(string url, IReadOnlyList<string> coveredUrls)
    {
        Url = url;
        CoveredUrls = coveredUrls;
    }

    /// <summary>Absolute directory URL, ending with <c>/</c>, at or below the base URL.</summary>
    public string Url { get; }

    /// <summary>The input URLs under <see cref="Url"/> (the directory URL itself included when it was an input), sorted ordinally.</summary>
    public IReadOnlyList<string> CoveredUrls { get; }

    public override string ToString() => Url;
}
