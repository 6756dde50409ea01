using System;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// Decides whether a baseline was made for the same site. Scheme and host are case-insensitive and a default port is
/// the same as none (as in URLs), a trailing slash is ignored (users write it both ways), but the path keeps its case
/// because servers may treat <c>/App/</c> and <c>/app/</c> as different sites.
/// </summary>
internal static class BaseUrlComparer
{
    public static bool AreSame(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (Uri.TryCreate(left.Trim(), UriKind.Absolute, out var leftUri)
            && Uri.TryCreate(right.Trim(), UriKind.Absolute, out var rightUri))
        {
            return string.Equals(leftUri.Scheme, rightUri.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(leftUri.Host, rightUri.Host, StringComparison.OrdinalIgnoreCase)
                && leftUri.Port == rightUri.Port
                && string.Equals(TrimSlash(leftUri.AbsolutePath), TrimSlash(rightUri.AbsolutePath), StringComparison.Ordinal)
                && string.Equals(leftUri.Query, rightUri.Query, StringComparison.Ordinal);
        }

        // Not URLs at all (a hand-edited manifest): only an exact match, trailing slash aside, counts.
        return string.Equals(TrimSlash(left.Trim()), TrimSlash(right.Trim()), StringComparison.Ordinal);
    }

    private static string TrimSlash(string value) => value.TrimEnd('/');
}
