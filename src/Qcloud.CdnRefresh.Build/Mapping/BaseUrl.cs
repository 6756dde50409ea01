using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Qcloud.CdnRefresh.Build.Diagnostics;

namespace Qcloud.CdnRefresh.Build.Mapping;

/// <summary>
/// A validated <c>CdnRefreshBaseUrl</c>: the absolute <c>http(s)</c> URL at which the content root is served, always
/// ending with <c>/</c>, so a relative path can simply be appended.
/// </summary>
/// <remarks>
/// Normalised only where it cannot change which URL the CDN cached: scheme and host are lowercased (both are
/// case-insensitive), an internationalised host becomes its punycode form, and path-prefix characters a browser would
/// escape are escaped (<c>%XX</c> already there stays). The port and the case of the path are kept as given.
/// </remarks>
internal sealed class BaseUrl
{
    public const string PropertyName = "CdnRefreshBaseUrl";
    private const string Example = "https://www.example.com/ or https://cdn.example.com/app/";
    // A %XX the user wrote; looked for only in a segment that has a '%', so most runs build no Regex for it.
    private const string UserEscape = "(%[0-9A-Fa-f]{2})";

    private BaseUrl(string value) => Value = value;

    /// <summary>The normalised URL, ending with <c>/</c>.</summary>
    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>Whether <paramref name="url"/>, as this run spells URLs, lies under this base URL.</summary>
    public bool Holds(string url) => url.StartsWith(Value, StringComparison.Ordinal);

    /// <summary>
    /// Whether <paramref name="recorded"/> (a manifest's base URL) names this site. Scheme and host are
    /// case-insensitive and a default port is the same as none, as in URLs; a trailing slash is ignored, since users
    /// write it both ways; the path keeps its case, since servers may treat <c>/App/</c> and <c>/app/</c> as different sites.
    /// </summary>
    public bool IsSameSiteAs(string recorded)
    {
        if (!Uri.TryCreate(recorded.Trim(), UriKind.Absolute, out var other))
        {
            // Not a URL at all (a hand-edited manifest): only an exact match, trailing slash aside, counts.
            return string.Equals(recorded.Trim().TrimEnd('/'), Value.TrimEnd('/'), StringComparison.Ordinal);
        }

        var mine = new Uri(Value);
        return string.Equals(mine.Scheme, other.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(mine.Host, other.Host, StringComparison.OrdinalIgnoreCase)
            && mine.Port == other.Port
            && string.Equals(mine.AbsolutePath.TrimEnd('/'), other.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal)
            && other.Query.Length == 0;
    }

    /// <summary>
    /// <paramref name="url"/> under this spelling of the site when it is under <paramref name="recorded"/>, another
    /// spelling of it (<c>:443</c>, letter case), so that it is sent and folded like every other URL of this run.
    /// </summary>
    public string Respell(string url, string recorded) =>
        IsUnderRecorded(url, recorded) ? Value + url.Substring(PrefixOf(recorded).Length) : url;

    /// <summary>Whether <paramref name="url"/> lies under <paramref name="recorded"/>, a base URL as a manifest wrote it (with or without its trailing <c>/</c>).</summary>
    public static bool IsUnderRecorded(string url, string recorded) => url.StartsWith(PrefixOf(recorded), StringComparison.Ordinal);

    private static string PrefixOf(string recorded) => recorded.EndsWith("/", StringComparison.Ordinal) ? recorded : recorded + "/";

    public static BaseUrl Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CdnRefreshException(
                DiagnosticCodes.BaseUrlInvalid,
                $"{PropertyName} is required when CdnRefresh is true: set it to the URL at which the content root is served, for example -p:{PropertyName}=https://www.example.com/");
        }

        var text = value!.Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? string.Empty : text.Substring(0, schemeEnd).ToLowerInvariant();
        var problem = scheme is not ("http" or "https") ? "it must be an absolute URL starting with http:// or https://"
            : text.IndexOf('?') >= 0 ? "it must not have a query ('?...'); the refreshed URLs are built by appending file paths to it"
            : text.IndexOf('#') >= 0 ? "it must not have a fragment ('#...')"
            : text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\') ? "it must not contain spaces, control characters or backslashes"
            : null;
        if (problem is not null)
        {
            throw Invalid(value, problem);
        }

        var rest = text.Substring(schemeEnd + 3);
        var pathStart = rest.IndexOf('/');
        var authority = pathStart < 0 ? rest : rest.Substring(0, pathStart);
        var path = pathStart < 0 ? "/" : rest.Substring(pathStart);

        var normalized = new StringBuilder(scheme).Append("://").Append(NormalizeAuthority(value, authority));
        AppendPathPrefix(value, normalized, path);
        if (normalized[normalized.Length - 1] != '/')
        {
            normalized.Append('/');
        }

        var result = normalized.ToString();
        return Uri.TryCreate(result, UriKind.Absolute, out _) ? new BaseUrl(result) : throw Invalid(value, "it is not a well-formed URL");
    }

    private static string NormalizeAuthority(string original, string authority)
    {
        if (authority.Length == 0 || authority.IndexOf('@') >= 0)
        {
            throw Invalid(original, authority.Length == 0 ? "it has no host name" : "it must not contain a user name or password");
        }

        // An IPv6 literal carries colons inside its brackets; the port colon comes after ']'.
        var hostEnd = authority[0] == '[' ? authority.IndexOf(']') + 1 : authority.LastIndexOf(':');
        if (hostEnd == 0)
        {
            throw Invalid(original, "its IPv6 address lacks the closing ']'");
        }

        var host = hostEnd < 0 ? authority : authority.Substring(0, hostEnd);
        var port = hostEnd < 0 || hostEnd == authority.Length ? null : authority.Substring(hostEnd);
        if (port != null && !IsValidPort(port))
        {
            throw Invalid(original, $"'{port}' after the host is not a port number (1 to 65535)");
        }

        string? asciiHost;
        try
        {
            asciiHost = (host.Any(c => c > 0x7F) ? new IdnMapping().GetAscii(host) : host).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            asciiHost = null;
        }

        if (asciiHost is null || Uri.CheckHostName(asciiHost) == UriHostNameType.Unknown)
        {
            throw Invalid(original, $"'{host}' is not a valid host name");
        }

        return asciiHost + port;
    }

    private static bool IsValidPort(string colonAndPort) =>
        colonAndPort.Length <= 6
        && colonAndPort[0] == ':'
        && int.TryParse(colonAndPort.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
        && port is >= 1 and <= 65535;

    private static void AppendPathPrefix(string original, StringBuilder url, string path)
    {
        foreach (var segment in path.Split('/').Skip(1))
        {
            if (segment is "." or "..")
            {
                throw Invalid(original, "its path must not contain '.' or '..' segments");
            }

            // Escapes what a browser would, but keeps the %XX the user already wrote: Split puts those at the odd indexes.
            url.Append('/');
            var parts = segment.IndexOf('%') < 0 ? [segment] : Regex.Split(segment, UserEscape, RegexOptions.CultureInvariant);
            for (var i = 0; i < parts.Length; i++)
            {
                if (i % 2 == 1)
                {
                    url.Append(parts[i]);
                }
                else if (!UrlPathEncoder.TryAppendSegment(url, parts[i]))
                {
                    throw Invalid(original, "its path contains a character that has no UTF-8 form");
                }
            }
        }
    }

    private static CdnRefreshException Invalid(string value, string reason) =>
        new(DiagnosticCodes.BaseUrlInvalid, $"{PropertyName} '{value}' is not valid: {reason}. Use the URL at which the content root is served, for example {Example}");
}
