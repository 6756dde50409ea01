namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary><c>CdnRefreshWithoutBaseline</c>: what a run without a usable baseline refreshes.</summary>
internal enum WithoutBaselineMode
{
    /// <summary>Every current file: the safe choice when the CDN may hold anything.</summary>
    All,

    /// <summary>Nothing: only record the baseline (e.g. the first run against a freshly created CDN domain).</summary>
    None,
}
