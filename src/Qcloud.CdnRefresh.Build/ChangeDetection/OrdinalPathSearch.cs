using System;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// Binary search among relative paths sorted ordinally, the order the listing and the manifest are both kept in, so a
/// lookup needs neither a dictionary of 50,000 entries nor a copy of the path being looked for.
/// </summary>
internal static class OrdinalPathSearch
{
    /// <param name="count">How many paths there are.</param>
    /// <param name="pathAt">The path at an index; paths sorted ordinally.</param>
    /// <param name="path">The path to find, compared ordinally.</param>
    /// <returns>The index of <paramref name="path"/>, or -1.</returns>
    public static int IndexOf(int count, Func<int, string> pathAt, ReadOnlySpan<char> path)
    {
        var low = 0;
        var high = count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = pathAt(middle).AsSpan().SequenceCompareTo(path);
            if (order == 0)
            {
                return middle;
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

        return -1;
    }
}
