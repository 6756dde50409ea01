using System;
using System.Linq;
using System.Text;
using Qcloud.CdnRefresh.Build.Manifest;
using Xunit;
using static Qcloud.CdnRefresh.Build.Tests.Manifest.ManifestTestData;

using Site = Qcloud.CdnRefresh.Build.Mapping.BaseUrl;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

public class ManifestSerializationTests
{
    private static ManifestLoadResult Parse(string json, string baseUrl = BaseUrl) =>
        ManifestReader.Parse(Encoding.UTF8.GetBytes(json), "obj/cdn.json", new[] { Site.Parse(baseUrl) });

    [Fact]
    public void Round_trip_keeps_every_field()
    {
        var written = new DeploymentManifest(
            new[] { BaseUrl },
            new[]
            {
                new ManifestFile("css/site.css.gz", 10, Sha256("gz"), new DateTime(638500000001234567, DateTimeKind.Utc), "css/site.css"),
                File("Index.html", "<html>"),
            },
            new[] { Url("b"), Url("a") },
            new DateTime(638500000009876543, DateTimeKind.Utc));

        var result = ManifestReader.Parse(ManifestWriter.Serialize(written), "m", Sites);

        Assert.Empty(result.Warnings);
        var read = Assert.IsType<DeploymentManifest>(result.Baseline);
        Assert.True(read.HasSameContentAs(written));
        Assert.Equal(written.UpdatedUtc, read.UpdatedUtc);
        Assert.Equal("css/site.css", read.Files.Single(f => f.RelativePath == "css/site.css.gz").UrlPath);
        Assert.Equal(new[] { Url("a"), Url("b") }, read.PendingUrls);
    }

    [Fact]
    public void Writing_is_deterministic_whatever_the_input_order()
    {
        var files = new[] { File("b.js"), File("a.css"), File("B.js"), File("dir/x.html") };
        var first = new DeploymentManifest(new[] { BaseUrl }, files, new[] { Url("z"), Url("a"), Url("a") }, Time);
        var second = new DeploymentManifest(new[] { BaseUrl }, Enumerable.Reverse(files), new[] { Url("a"), Url("z") }, Time);

        Assert.Equal(ManifestWriter.Serialize(first), ManifestWriter.Serialize(second));
        Assert.Equal(new[] { "B.js", "a.css", "b.js", "dir/x.html" }, first.Files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Written_document_has_the_documented_shape()
    {
        var manifest = ManifestOf(new[] { File("a.css", "x"), File("a.css.gz", "y", urlPath: "a.css") }, Url("old.js"));

        var json = Encoding.UTF8.GetString(ManifestWriter.Serialize(manifest)).Replace("\r\n", "\n");

        Assert.Equal(
            "{\n"
            + "  \"version\": 1,\n"
            + "  \"baseUrl\": \"https://www.example.com/\",\n"
            + "  \"updatedUtc\": \"2024-05-01T12:00:00.0000000Z\",\n"
            + "  \"files\": [\n"
            + $"    {{\"path\":\"a.css\",\"size\":1,\"sha256\":\"{Sha256("x")}\",\"lastWriteTimeUtc\":\"2024-05-01T12:00:00.0000000Z\"}},\n"
            + $"    {{\"path\":\"a.css.gz\",\"urlPath\":\"a.css\",\"size\":1,\"sha256\":\"{Sha256("y")}\",\"lastWriteTimeUtc\":\"2024-05-01T12:00:00.0000000Z\"}}\n"
            + "  ],\n"
            + "  \"pendingUrls\": [\n"
            + "    \"https://www.example.com/old.js\"\n"
            + "  ]\n"
            + "}\n",
            json);
    }

    [Fact]
    public void Written_values_are_escaped_html_safe_and_non_ascii_as_unicode_escapes()
    {
        var file = new ManifestFile("图/<&'\"\\>.png", 0, Sha256("x"), new DateTime(5, DateTimeKind.Utc), "u/é");
        var manifest = new DeploymentManifest(new[] { BaseUrl }, new[] { file }, Array.Empty<string>(), Time);

        var json = Encoding.UTF8.GetString(ManifestWriter.Serialize(manifest));

        Assert.Contains(
            "{\"path\":\"\\u56FE/\\u003C\\u0026\\u0027\\u0022\\\\\\u003E.png\",\"urlPath\":\"u/\\u00E9\",\"size\":0,"
            + $"\"sha256\":\"{Sha256("x")}\",\"lastWriteTimeUtc\":\"0001-01-01T00:00:00.0000005Z\"}}",
            json);
        Assert.Contains("\"pendingUrls\": []\n}\n", json);
    }

    [Fact]
    public void Unknown_fields_at_the_root_and_in_entries_are_ignored()
    {
        var json = "{\"version\":1,\"future\":{\"x\":[1,2]},\"baseUrl\":\"https://www.example.com/\",\"files\":["
            + $"{{\"path\":\"a.css\",\"size\":3,\"sha256\":\"{Sha256("x")}\",\"etag\":\"\\\"abc\\\"\",\"extra\":null}}],"
            + "\"comment\":\"hand-edited\"}";

        var result = Parse(json);

        Assert.Empty(result.Warnings);
        var file = Assert.Single(result.Baseline!.Files);
        Assert.Equal(("a.css", 3L, "a.css", DateTime.MinValue), (file.RelativePath, file.Size, file.UrlPath, file.LastWriteTimeUtc));
        Assert.Empty(result.Baseline.PendingUrls);
    }

    [Fact]
    public void Dates_may_be_ticks_and_a_bom_and_uppercase_hash_are_accepted()
    {
        var json = "\uFEFF{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"updatedUtc\":638500000000000000,"
            + $"\"files\":[{{\"path\":\"a\",\"size\":0,\"sha256\":\"{Sha256("x").ToUpperInvariant()}\",\"lastWriteTimeUtc\":5}}]}}";

        var result = Parse(json);

        Assert.Empty(result.Warnings);
        Assert.Equal(new DateTime(638500000000000000, DateTimeKind.Utc), result.Baseline!.UpdatedUtc);
        Assert.Equal(new DateTime(5, DateTimeKind.Utc), result.Baseline.Files[0].LastWriteTimeUtc);
        Assert.Equal(Sha256("x"), result.Baseline.Files[0].Sha256);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":\"a\",\"si")]
    [InlineData("[]")]
    [InlineData("\"manifest\"")]
    [InlineData("{}")]
    [InlineData("{\"version\":\"1\",\"baseUrl\":\"https://www.example.com/\",\"files\":[]}")]
    [InlineData("{\"version\":0,\"baseUrl\":\"https://www.example.com/\",\"files\":[]}")]
    [InlineData("{\"version\":1.5,\"baseUrl\":\"https://www.example.com/\",\"files\":[]}")]
    [InlineData("{\"version\":1,\"baseUrl\":42,\"files\":[]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\"}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":{}}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[42]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":\"a\",\"size\":1}]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":\"a\",\"size\":1,\"sha256\":\"abc\"}]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":\"a\",\"size\":-1,\"sha256\":\"SHA\"}]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":\"a\",\"size\":\"1\",\"sha256\":\"SHA\"}]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":\"\",\"size\":1,\"sha256\":\"SHA\"}]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":\"a\",\"size\":1,\"sha256\":\"SHA\",\"lastWriteTimeUtc\":\"yesterday\"}]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":\"a\",\"size\":1,\"sha256\":\"SHA\"},{\"path\":\"a\",\"size\":1,\"sha256\":\"SHA\"}]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[],\"pendingUrls\":[1]}")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[]} trailing")]
    [InlineData("{\"version\":null,\"baseUrl\":\"https://www.example.com/\",\"files\":[]}")]
    [InlineData("{\"version\":2147483648,\"baseUrl\":\"https://www.example.com/\",\"files\":[]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"\",\"files\":[]}")]
    [InlineData("{\"version\":1,\"files\":[]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":null}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[null]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"updatedUtc\":\"yesterday\",\"files\":[]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":\"a\",\"size\":1.0,\"sha256\":\"SHA\"}]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":\"a\",\"size\":1,\"sha256\":\"SHA \"}]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":42,\"size\":1,\"sha256\":\"SHA\"}]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":\"a/../b\",\"size\":1,\"sha256\":\"SHA\"}]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":\"a//b\",\"size\":1,\"sha256\":\"SHA\"}]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":\"/a\",\"size\":1,\"sha256\":\"SHA\"}]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":\"a\",\"urlPath\":\"../b\",\"size\":1,\"sha256\":\"SHA\"}]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":\"b\",\"size\":1,\"sha256\":\"SHA\"},{\"path\":\"a\",\"size\":1,\"sha256\":\"SHA\"},{\"path\":\"b\",\"size\":1,\"sha256\":\"SHA\"}]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[],\"pendingUrls\":\"https://www.example.com/a\"}")]
    public void A_corrupt_document_is_a_warning_and_no_baseline(string json)
    {
        var result = Parse(json.Replace("SHA", Sha256("x")));

        Assert.Null(result.Baseline);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("QCDN2101", warning.Code);
        Assert.Contains("'obj/cdn.json'", warning.Message);
        Assert.Contains("treated as no baseline", warning.Message);
        Assert.True(result.MayOverwrite);
    }

    [Fact]
    public void A_truncated_real_document_is_a_warning_and_no_baseline()
    {
        var bytes = ManifestWriter.Serialize(ManifestOf(File("a.css"), File("b.css")));

        var result = ManifestReader.Parse(bytes.Take(bytes.Length / 2).ToArray(), "m", Sites);

        Assert.Null(result.Baseline);
        Assert.Equal("QCDN2101", Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void A_newer_version_is_a_warning_no_baseline_and_must_not_be_overwritten()
    {
        var result = Parse("{\"version\":2,\"baseUrl\":{\"shape\":\"changed\"},\"everything\":\"else\"}");

        Assert.Null(result.Baseline);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("QCDN2102", warning.Code);
        Assert.Contains("version 2", warning.Message);
        Assert.Contains("left untouched", warning.Message);
        Assert.False(result.MayOverwrite);
    }

    [Fact]
    public void Another_base_url_is_a_warning_and_no_baseline()
    {
        var json = Encoding.UTF8.GetString(ManifestWriter.Serialize(ManifestOf(new[] { File("a") }, Url("a"))));

        var result = Parse(json, "https://cdn.example.org/");

        Assert.Null(result.Baseline);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("QCDN2103", warning.Code);
        Assert.Contains("'https://www.example.com/'", warning.Message);
        Assert.Contains("'https://cdn.example.org/'", warning.Message);
        Assert.Contains("1 URL(s) still owed", warning.Message);
        Assert.True(result.MayOverwrite);
    }

    [Theory]
    [InlineData("https://www.example.com")]
    [InlineData("HTTPS://WWW.EXAMPLE.COM/")]
    [InlineData("https://www.example.com:443/")]
    [InlineData(" https://www.example.com/ ")]
    public void The_same_base_url_written_differently_is_the_same_baseline(string currentBaseUrl)
    {
        var json = Encoding.UTF8.GetString(ManifestWriter.Serialize(ManifestOf(File("a"))));

        var result = Parse(json, currentBaseUrl);

        Assert.Empty(result.Warnings);
        Assert.NotNull(result.Baseline);
    }

    [Theory]
    [InlineData("https://www.example.com/", "http://www.example.com/")]
    [InlineData("https://www.example.com/", "https://www.example.com:8443/")]
    [InlineData("https://www.example.com/app/", "https://www.example.com/App/")]
    [InlineData("https://www.example.com/app/", "https://www.example.com/")]
    public void Base_urls_differing_in_scheme_port_or_path_are_different(string recorded, string current)
    {
        Assert.False(Site.Parse(current).IsSameSiteAs(recorded));
    }
}
