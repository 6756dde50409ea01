using System.Text.Json;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// Reads a manifest document. Unknown fields (from a newer minor writer or a human) are ignored, and every defect
/// becomes a warning instead of an exception: a bad baseline must never fail a deployment, it only costs a larger refresh.
/// </summary>
internal static class ManifestReader
{
    /// <summary>The lenient reading a hand edit may need: comments and trailing commas.</summary>
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private const string NoBaselineConsequence =
        "It is treated as no baseline: CdnRefreshWithoutBaseline decides what is refreshed (by default every file counts as changed)";

    /// <param name="content">The document's bytes (UTF-8, a BOM is allowed).</param>
    /// <param name="source">The file path or URL, for messages.</param>
    /// <param name="currentBaseUrls">This run's <c>CdnRefreshBaseUrl</c> entries; a baseline that records none of them is not used.</param>
    public static ManifestLoadResult Parse(byte[] content, string source, IReadOnlyList<BaseUrl> currentBaseUrls) =>
        Parse(new MemoryStream(content, writable: false), source, currentBaseUrls);

    /// <param name="content">The document (UTF-8, a BOM is allowed), read to its end; not disposed.</param>
    /// <param name="source">The file path or URL, for messages.</param>
    /// <param name="currentBaseUrls">This run's <c>CdnRefreshBaseUrl</c> entries; a baseline that records none of them is
    /// not used, and what it owes under a base URL no longer listed is dropped.</param>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public static ManifestLoadResult Parse(Stream content, string source, IReadOnlyList<BaseUrl> currentBaseUrls)
    {
        try
        {
            using var document = JsonDocument.Parse(content, DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("the document is not a JSON object");
            }

            // The head decides first: a newer format may shape everything else differently, and a baseline for another
            // base URL is set aside whatever its files hold.
            var head = ManifestHeadJson.Read(root);
            if (Rejection(head, source, currentBaseUrls) is { } rejected)
            {
                return rejected;
            }

            var recorded = BaseUrlsOf(head);
            var body = ManifestBodyJson.Read(root);
            var files = body.Files();
            return Found(source, BaseUrlMatch.Of(recorded, currentBaseUrls), PendingUrlsOf(head), pending =>
                new DeploymentManifest(recorded, files, pending, body.UpdatedUtc ?? DateTime.MinValue));
        }
        catch (JsonException exception)
        {
            return Corrupt(source, NotManifestJson(exception));
        }
        catch (InvalidDataException exception)
        {
            return Corrupt(source, exception.Message);
        }
        catch (InvalidOperationException exception)
        {
            // From a raw value of the head: a string holding a lone surrogate escape.
            return Corrupt(source, "it holds text that is not valid Unicode (" + exception.Message + ")");
        }
    }

    /// <summary>A newer version or other base URLs, checked in that order; null when the head accepts the document.</summary>
    /// <exception cref="InvalidDataException">A defect in the head.</exception>
    private static ManifestLoadResult? Rejection(ManifestHeadJson head, string source, IReadOnlyList<BaseUrl> currentBaseUrls)
    {
        var version = head.Version ?? throw new InvalidDataException("'version' is missing");
        if (version < 1)
        {
            throw new InvalidDataException("'version' is not a positive whole number");
        }

        if (version > DeploymentManifest.CurrentVersion)
        {
            return NewerVersion(source, version);
        }

        var baseUrls = BaseUrlsOf(head);
        var pendingUrls = PendingUrlsOf(head);
        return BaseUrlMatch.Of(baseUrls, currentBaseUrls).AnyKept ? null : OtherBaseUrl(source, baseUrls, currentBaseUrls, pendingUrls.Count);
    }

    /// <summary>
    /// The baseline, owing what it owed but what was owed under base URLs no longer listed: those are dropped, with a
    /// warning naming how many under which base URL, or a detail line when nothing was owed there.
    /// </summary>
    private static ManifestLoadResult Found(string source, BaseUrlMatch match, IReadOnlyList<string> pendingUrls, Func<IEnumerable<string>, DeploymentManifest> manifestOwing)
    {
        var owed = new List<string>();
        var dropped = match.Dropped.ToDictionary(url => url, _ => 0, StringComparer.Ordinal);
        foreach (var url in pendingUrls)
        {
            if (match.Owed(url, out var droppedUnder) is { } stillOwed)
            {
                owed.Add(stillOwed);
            }
            else
            {
                dropped[droppedUnder!]++;
            }
        }

        var warnings = match.Dropped.Where(url => dropped[url] > 0).Select(url => DroppedOwedUrls(source, url, dropped[url])).ToList();
        var messages = match.Dropped.Where(url => dropped[url] == 0)
            .Select(url => $"The base URL '{url}' of the CDN refresh manifest '{source}' is no longer listed in {BaseUrl.PropertyName}; nothing was owed under it.")
            .ToList();
        return ManifestLoadResult.Found(manifestOwing(owed), warnings, messages);
    }

    /// <summary><c>baseUrls</c> when the document has it, else <c>baseUrl</c> alone; <c>baseUrl</c> is required either way.</summary>
    private static IReadOnlyList<string> BaseUrlsOf(ManifestHeadJson head)
    {
        var first = Required(head.BaseUrl, "baseUrl") is { ValueKind: JsonValueKind.String } url && url.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException("'baseUrl' is not a non-empty string");
        if (head.BaseUrls is not { ValueKind: not JsonValueKind.Null } all)
        {
            return new[] { first };
        }

        var urls = all.ValueKind == JsonValueKind.Array
            ? all.EnumerateArray()
                .Select(item => item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } entry
                    ? entry
                    : throw new InvalidDataException("'baseUrls' holds something other than a non-empty string"))
                .ToList()
            : throw new InvalidDataException("'baseUrls' is not an array");
        return urls.Count > 0 ? urls : throw new InvalidDataException("'baseUrls' is empty");
    }

    private static string NotManifestJson(JsonException exception) => "it is not valid manifest JSON (" + exception.Message + ")";

    private static JsonElement Required(JsonElement? value, string name) =>
        value is { ValueKind: not JsonValueKind.Null } present ? present : throw new InvalidDataException($"'{name}' is missing");

    private static List<string> PendingUrlsOf(ManifestHeadJson head)
    {
        if (head.PendingUrls is not { ValueKind: not JsonValueKind.Null } urls)
        {
            return new List<string>();
        }

        return urls.ValueKind != JsonValueKind.Array
            ? throw new InvalidDataException("'pendingUrls' is not an array")
            : urls.EnumerateArray()
                .Select(url => url.ValueKind == JsonValueKind.String ? url.GetString()! : throw new InvalidDataException("'pendingUrls' holds something other than a string"))
                .Where(url => !string.IsNullOrWhiteSpace(url))
                .ToList();
    }

    private static ManifestLoadResult NewerVersion(string source, int version) =>
        ManifestLoadResult.Rejected(
            new ManifestDiagnostic(
                DiagnosticCodes.ManifestNewerVersion,
                $"The CDN refresh manifest '{source}' has format version {version}, but this version of "
                + $"Qcloud.CdnRefresh.Build reads version {DeploymentManifest.CurrentVersion} at most. "
                + NoBaselineConsequence + ", and the manifest is left untouched. "
                + "Update the Qcloud.CdnRefresh.Build package to the version that wrote it."),
            mayOverwrite: false);

    /// <summary>Base URLs are shown as <c>CdnRefreshBaseUrl</c> lists them, separated by <c>;</c>.</summary>
    private static ManifestLoadResult OtherBaseUrl(string source, IReadOnlyList<string> recorded, IReadOnlyList<BaseUrl> current, int pendingCount)
    {
        var baseUrl = string.Join(";", recorded);
        var old = recorded.Count == 1 ? "the old base URL" : "the old base URLs";
        return ManifestLoadResult.Rejected(new ManifestDiagnostic(
            DiagnosticCodes.ManifestOtherBaseUrl,
            $"The CDN refresh manifest '{source}' was recorded for {(recorded.Count == 1 ? "the base URL" : "the base URLs")} '{baseUrl}', not for the current "
            + $"CdnRefreshBaseUrl '{string.Join(";", current.Select(url => url.Value))}'. " + NoBaselineConsequence
            + $", its {pendingCount} URL(s) still owed under {old} are not sent, and a new manifest "
            + $"is recorded for the current base {(current.Count == 1 ? "URL" : "URLs")}. If the base URL changed by mistake, set CdnRefreshBaseUrl back to '{baseUrl}'."));
    }

    private static ManifestDiagnostic DroppedOwedUrls(string source, string baseUrl, int count) =>
        new(
            DiagnosticCodes.ManifestOtherBaseUrl,
            $"The CDN refresh manifest '{source}' owes {count} URL(s) under the base URL '{baseUrl}', which CdnRefreshBaseUrl no "
            + "longer lists: they are dropped and not sent. If the base URL was removed by mistake, add it back to "
            + "CdnRefreshBaseUrl: as a base URL new since the baseline, CdnRefreshWithoutBaseline then decides what is "
            + "refreshed under it (by default every file).");

    private static ManifestLoadResult Corrupt(string source, string detail) =>
        ManifestLoadResult.Rejected(new ManifestDiagnostic(
            DiagnosticCodes.ManifestCorrupt,
            $"The CDN refresh manifest '{source}' cannot be used: {detail}. " + NoBaselineConsequence
            + ", and a new manifest is recorded after this run. Restore the file from a backup if a full refresh is not wanted."));
}
