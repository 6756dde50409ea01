using System.Linq;
using System.Text;
using Qcloud.CdnRefresh.Build.Manifest;
using Xunit;
using static Qcloud.CdnRefresh.Build.Tests.Manifest.ManifestTestData;

using Site = Qcloud.CdnRefresh.Build.Mapping.BaseUrl;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

/// <summary>The manifest's record of an immutable file: <c>"immutable": true</c> on its entry, left out otherwise.</summary>
public sealed class ManifestImmutableRecordTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public void AnImmutableEntry_EndsWithImmutableTrue_AndAnotherHasNoSuchField()
    {
        var manifest = ManifestOf(new ManifestFile("_framework/app.wasm", 4, Hash, Time, immutable: true), new ManifestFile("index.html", 4, Hash, Time));

        var lines = Encoding.UTF8.GetString(ManifestWriter.Serialize(manifest)).Split('\n');

        Assert.Contains($$"""    {"path":"_framework/app.wasm","size":4,"sha256":"{{Hash}}","lastWriteTimeUtc":"2024-05-01T12:00:00.0000000Z","immutable":true},""", lines);
        Assert.Contains($$"""    {"path":"index.html","size":4,"sha256":"{{Hash}}","lastWriteTimeUtc":"2024-05-01T12:00:00.0000000Z"}""", lines);
    }

    [Fact]
    public void ARecordedImmutableEntry_ReadsBackImmutable_AndAnEntryWithoutTheField_DoesNot()
    {
        var json = $$"""
            {"version": 1, "baseUrl": "https://www.example.com/", "updatedUtc": "2024-05-01T12:00:00Z", "pendingUrls": [],
             "files": [
               {"path": "_framework/app.wasm", "size": 4, "sha256": "{{Hash}}", "lastWriteTimeUtc": "2024-05-01T12:00:00Z", "immutable": true},
               {"path": "index.html", "size": 4, "sha256": "{{Hash}}", "lastWriteTimeUtc": "2024-05-01T12:00:00Z"}
             ]}
            """;

        var read = ManifestReader.Parse(Encoding.UTF8.GetBytes(json), "m", Sites).Baseline!;

        Assert.Equal(new[] { ("_framework/app.wasm", true), ("index.html", false) }, read.Files.Select(f => (f.RelativePath, f.Immutable)));
    }
}
