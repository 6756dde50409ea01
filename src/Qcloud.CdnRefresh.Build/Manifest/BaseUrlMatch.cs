using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// How the base URLs a manifest records meet this run's <c>CdnRefreshBaseUrl</c> entries, by
/// <see cref="BaseUrl.IsSameSiteAs"/>: a recorded one that is the same site as a current one is kept, a recorded one
/// that no current one matches is dropped, and a current one that no recorded one matches is new (it has no baseline).
/// </summary>
internal sealed class BaseUrlMatch
{
    private readonly IReadOnlyList<(string Recorded, BaseUrl Current)> _kept;

    private BaseUrlMatch(IReadOnlyList<(string Recorded, BaseUrl Current)> kept, IReadOnlyList<string> dropped, IReadOnlyList<BaseUrl> added)
    {
        _kept = kept;
        Dropped = dropped;
        New = added;
    }

    /// <summary>Whether any recorded base URL is still listed: only then is the manifest a baseline at all.</summary>
    public bool AnyKept => _kept.Count > 0;

    /// <summary>The recorded base URLs no longer listed, in the manifest's order.</summary>
    public IReadOnlyList<string> Dropped { get; }

    /// <summary>The current base URLs the manifest does not record, in the current order.</summary>
    public IReadOnlyList<BaseUrl> New { get; }

    /// <param name="recorded">The manifest's base URLs, as written.</param>
    /// <param name="current">This run's base URLs.</param>
    public static BaseUrlMatch Of(IReadOnlyList<string> recorded, IReadOnlyList<BaseUrl> current)
    {
        var kept = new List<(string, BaseUrl)>();
        var dropped = new List<string>();
        foreach (var url in recorded.Distinct(StringComparer.Ordinal))
        {
            if (current.FirstOrDefault(baseUrl => baseUrl.IsSameSiteAs(url)) is { } match)
            {
                kept.Add((url, match));
            }
            else
            {
                dropped.Add(url);
            }
        }

        return new BaseUrlMatch(kept, dropped, current.Where(baseUrl => !recorded.Any(baseUrl.IsSameSiteAs)).ToList());
    }

    /// <summary>
    /// Where an owed URL stands: under a kept base URL it is owed still, respelled under the current spelling of that
    /// site (<see cref="BaseUrl.Respell"/>); under a dropped one only, it is dropped (null) and
    /// <paramref name="droppedUnder"/> names that base URL; under none it stays as it is.
    /// </summary>
    public string? Owed(string url, out string? droppedUnder)
    {
        droppedUnder = null;
        var kept = _kept.Where(pair => BaseUrl.IsUnderRecorded(url, pair.Recorded)).OrderByDescending(pair => pair.Recorded.Length).ToList();
        if (kept.Count > 0)
        {
            return kept[0].Current.Respell(url, kept[0].Recorded);
        }

        droppedUnder = Dropped.Where(recorded => BaseUrl.IsUnderRecorded(url, recorded)).OrderByDescending(recorded => recorded.Length).FirstOrDefault();
        return droppedUnder is null ? url : null;
    }
}
