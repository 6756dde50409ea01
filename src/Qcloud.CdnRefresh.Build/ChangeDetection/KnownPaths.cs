using System;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// Paths the run already holds as strings, sorted ordinally: the content root's listing. A manifest entry with one of
/// these paths takes the existing string instead of a new copy, so the baseline and the listing share their 50,000
/// paths (4 MB at 50,000 files) rather than each holding its own through hashing and planning; and the lister finds a
/// precompressed file's source among them without making a string of the name it looks for.
/// </summary>
internal sealed class KnownPaths
{
    private readonly int _count;
    private readonly Func<int, string> _pathAt;

    // Where the next path is likely to be: the manifest and the listing are both sorted, so usually right after the last.
    private int _next;

    /// <param name="count">How many paths there are.</param>
    /// <param name="pathAt">The path at an index; paths sorted ordinally. Unsorted ones are only found less often.</param>
    public KnownPaths(int count, Func<int, string> pathAt)
    {
        _count = count;
        _pathAt = pathAt;
    }

    /// <summary>The held string equal to <paramref name="path"/>, or null. Not thread-safe: one reader at a time.</summary>
    public string? Find(ReadOnlySpan<char> path)
    {
        if (_next < _count && _pathAt(_next) is var likely && likely.AsSpan().SequenceEqual(path))
        {
            _next++;
            return likely;
        }

        var low = 0;
        var high = _count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var candidate = _pathAt(middle);
            var order = candidate.AsSpan().SequenceCompareTo(path);
            if (order == 0)
            {
                _next = middle + 1;
                return candidate;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return null;
    }
}
