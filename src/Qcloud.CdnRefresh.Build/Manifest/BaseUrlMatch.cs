using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// How the base URLs a manifest records meet this run's <c>CdnRefreshBaseUrl</c> entries, by
/// <see cref="BaseUrl.IsSameSiteAs"/>: a recorded one that is the same site as a current one is kept, a recorded one
/// that no current one matches is dropped, and a current one that no recorded one matches is new (it has no baseline).
/// </summary>
internal sealed class BaseUrlMatch
{
    private readonly List<Kept> _kept = [];
    private readonly List<string> _dropped = [];

    /// <param name="recorded">The manifest's base URLs, as written.</param>
    /// <param name="current">This run's base URLs.</param>
    public BaseUrlMatch(IReadOnlyList<string> recorded, IReadOnlyList<BaseUrl> current)
    {
        foreach (var url in recorded.Distinct(StringComparer.Ordinal))
        {
            if (current.FirstOrDefault(baseUrl => baseUrl.IsSameSiteAs(url)) is { } match)
            {
                _kept.Add(new Kept(url, match));
            }
            else
            {
                _dropped.Add(url);
            }
        }

        New = current.Where(baseUrl => !recorded.Any(baseUrl.IsSameSiteAs)).ToList();
    }

    /// <summary>Whether any recorded base URL is still listed: only then is the manifest a baseline at all.</summary>
    public bool AnyKept => _kept.Count > 0;

    /// <summary>The recorded base URLs no longer listed, in the manifest's order.</summary>
    public IReadOnlyList<string> Dropped => _dropped;

    /// <summary>The current base URLs the manifest does not record, in the current order.</summary>
    public IReadOnlyList<BaseUrl> New { get; }

    /// <summary>
    /// The owed URLs by the dropped base URL each is dropped with, in their order. Under the null key, what stays owed:
    /// a URL under a kept base URL, respelled under the current spelling of that site (<see cref="BaseUrl.Respell"/>),
    /// and one under no recorded base URL, as it is.
    /// </summary>
    public ILookup<string?, string> FileOwed(IEnumerable<string> owedUrls) =>
        owedUrls.Select(Owed).ToLookup(owed => owed.DroppedUnder, owed => owed.Url);

    private OwedUrl Owed(string url) =>
        KeptUnder(url) is { } kept
            ? new OwedUrl(kept.Current.Respell(url, kept.Recorded), null)
            : new OwedUrl(url, Dropped.Where(recorded => BaseUrl.IsUnderRecorded(url, recorded)).OrderByDescending(recorded => recorded.Length).FirstOrDefault());

    /// <summary>The longest kept base URL <paramref name="url"/> is under; null when there is none.</summary>
    private Kept? KeptUnder(string url) =>
        _kept.Where(kept => BaseUrl.IsUnderRecorded(url, kept.Recorded)).OrderByDescending(kept => kept.Recorded.Length).FirstOrDefault();

    /// <summary>A recorded base URL and the current one of the same site.</summary>
    /// <remarks>A class, not a tuple: LINQ over a tuple is compiled anew in every build.</remarks>
    private sealed record Kept(string Recorded, BaseUrl Current);

    /// <summary>An owed URL as it stays owed, and the dropped base URL it is dropped with, if any.</summary>
    private sealed record OwedUrl(string Url, string? DroppedUnder);
}
