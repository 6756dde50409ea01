using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// The fields of a manifest that decide whether the rest is read at all. Besides the version they are kept as raw JSON
/// values, so that a document of a newer format, which may shape them differently, is still recognised by its version.
/// </summary>
internal sealed class ManifestHeadJson
{
    public int? Version { get; private set; }

    public JsonElement? BaseUrl { get; private set; }

    /// <summary>Written only when there is more than one base URL; <see cref="BaseUrl"/> is then the first of them.</summary>
    public JsonElement? BaseUrls { get; private set; }

    public JsonElement? PendingUrls { get; private set; }

    /// <summary>The head of a document whose root is an object; its values live as long as the document.</summary>
    /// <exception cref="JsonException">'version' is not a whole number.</exception>
    public static ManifestHeadJson Read(JsonElement root)
    {
        // Property by property, so that a field written twice counts as its last value, as a serializer reads it.
        var head = new ManifestHeadJson();
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals("version"))
            {
                var version = ManifestJsonValues.WholeNumber(property.Value, "version");
                head.Version = version is null or (>= int.MinValue and <= int.MaxValue)
                    ? (int?)version
                    : throw new JsonException("'version' is not a whole number");
            }
            else if (property.NameEquals("baseUrl"))
            {
                head.BaseUrl = property.Value;
            }
            else if (property.NameEquals("baseUrls"))
            {
                head.BaseUrls = property.Value;
            }
            else if (property.NameEquals("pendingUrls"))
            {
                head.PendingUrls = property.Value;
            }
        }

        return head;
    }
}
