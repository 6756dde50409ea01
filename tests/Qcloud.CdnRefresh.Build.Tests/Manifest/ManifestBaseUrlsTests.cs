using System;
using System.Linq;
using System.Text;
using Qcloud.CdnRefresh.Build.Manifest;
using Xunit;
using static Qcloud.CdnRefresh.Build.Tests.Manifest.ManifestTestData;

using Site = Qcloud.CdnRefresh.Build.Mapping.BaseUrl;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

/// <summary>The base URLs a manifest records: written, read back, and met with this run's <c>CdnRefreshBaseUrl</c> entries.</summary>
public sealed class ManifestBaseUrlsTests
{
    private const string Www = "https://www.example.com/";
    private const string Cdn = "https://cdn.example.com/";
    private const string Old = "https://old.example.com/";

    private static ManifestLoadResult Parse(string json, params string[] current) =>
        ManifestReader.Parse(Encoding.UTF8.GetBytes(json), "m.json", current.Select(url => Site.Parse(url)).ToList());

    private static string Serialize(DeploymentManifest manifest) => Encoding.UTF8.GetString(ManifestWriter.Serialize(manifest));

    [Fact]
    public void Several_base_urls_are_written_as_baseUrls_in_ordinal_order_with_the_first_as_baseUrl()
    {
        var manifest = new DeploymentManifest(new[] { Www, Cdn }, Array.Empty<ManifestFile>(), Array.Empty<string>(), Time);

        Assert.Equal(
            "{\n"
            + "  \"version\": 1,\n"
            + "  \"baseUrl\": \"https://cdn.example.com/\",\n"
            + "  \"baseUrls\": [\n"
            + "    \"https://cdn.example.com/\",\n"
            + "    \"https://www.example.com/\"\n"
            + "  ],\n"
            + "  \"updatedUtc\": \"2024-05-01T12:00:00.0000000Z\",\n"
            + "  \"files\": [],\n"
            + "  \"pendingUrls\": []\n"
            + "}\n",
            Serialize(manifest));
    }

    [Fact]
    public void Several_base_urls_round_trip()
    {
        var written = new DeploymentManifest(new[] { Www, Cdn }, new[] { File("a.css") }, new[] { Cdn + "a.css", Www + "a.css" }, Time);

        var result = ManifestReader.Parse(ManifestWriter.Serialize(written), "m", new[] { Site.Parse(Www), Site.Parse(Cdn) });

        Assert.Empty(result.Warnings);
        Assert.Empty(result.Messages);
        Assert.Equal(new[] { Cdn, Www }, result.Baseline!.BaseUrls);
        Assert.True(result.Baseline.HasSameContentAs(written));
    }

    [Fact]
    public void A_manifest_of_one_base_url_without_baseUrls_reads_as_that_base_url()
    {
        var result = Parse("{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[],\"pendingUrls\":[\"https://www.example.com/a.js\"]}", Www);

        Assert.Empty(result.Warnings);
        Assert.Equal(new[] { Www }, result.Baseline!.BaseUrls);
        Assert.Equal(new[] { "https://www.example.com/a.js" }, result.Baseline.PendingUrls);
    }

    [Theory]
    [InlineData("\"baseUrls\":\"https://www.example.com/\"")]
    [InlineData("\"baseUrls\":[]")]
    [InlineData("\"baseUrls\":[\"https://www.example.com/\",42]")]
    [InlineData("\"baseUrls\":[\"https://www.example.com/\",\"\"]")]
    public void A_baseUrls_field_that_is_not_a_list_of_urls_makes_the_manifest_corrupt(string baseUrls)
    {
        var result = Parse("{\"version\":1,\"baseUrl\":\"https://www.example.com/\"," + baseUrls + ",\"files\":[]}", Www);

        Assert.Null(result.Baseline);
        Assert.Equal("QCDN2101", Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void A_manifest_recording_one_current_base_url_among_others_is_a_baseline()
    {
        var result = Parse("{\"version\":1,\"baseUrl\":\"https://cdn.example.com/\",\"baseUrls\":[\"https://cdn.example.com/\",\"https://old.example.com/\"],\"files\":[]}", Www, Cdn);

        Assert.Empty(result.Warnings);
        Assert.Equal(new[] { Cdn, Old }, result.Baseline!.BaseUrls);
    }

    [Fact]
    public void A_manifest_recording_none_of_the_current_base_urls_is_Qcdn2103_and_no_baseline()
    {
        var result = Parse("{\"version\":1,\"baseUrl\":\"https://cdn.example.com/\",\"baseUrls\":[\"https://cdn.example.com/\",\"https://old.example.com/\"],\"files\":[],\"pendingUrls\":[\"https://old.example.com/a\"]}", Www);

        Assert.Null(result.Baseline);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("QCDN2103", warning.Code);
        Assert.Contains("recorded for the base URLs 'https://cdn.example.com/;https://old.example.com/', not for the current CdnRefreshBaseUrl 'https://www.example.com/'", warning.Message);
        Assert.Contains("its 1 URL(s) still owed under the old base URLs are not sent", warning.Message);
    }

    [Fact]
    public void Urls_owed_under_a_base_url_no_longer_listed_are_dropped_with_Qcdn2103_saying_how_many()
    {
        var result = Parse(
            "{\"version\":1,\"baseUrl\":\"https://old.example.com/\",\"baseUrls\":[\"https://old.example.com/\",\"https://www.example.com/\"],\"files\":[],"
            + "\"pendingUrls\":[\"https://old.example.com/a.js\",\"https://old.example.com/b.js\",\"https://www.example.com/a.js\"]}",
            Www);

        Assert.Equal(new[] { "https://www.example.com/a.js" }, result.Baseline!.PendingUrls);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("QCDN2103", warning.Code);
        Assert.Contains("'m.json' owes 2 URL(s) under the base URL 'https://old.example.com/', which CdnRefreshBaseUrl no longer lists: they are dropped and not sent", warning.Message);
        Assert.Contains("add it back to CdnRefreshBaseUrl", warning.Message);
        Assert.Empty(result.Messages);
    }

    [Fact]
    public void A_base_url_no_longer_listed_that_baseUrls_names_twice_is_dropped_once()
    {
        var result = Parse(
            "{\"version\":1,\"baseUrl\":\"https://old.example.com/\",\"baseUrls\":[\"https://old.example.com/\",\"https://www.example.com/\",\"https://old.example.com/\"],\"files\":[],"
            + "\"pendingUrls\":[\"https://old.example.com/a.js\"]}",
            Www);

        Assert.Equal(new[] { Old, Www }, result.Baseline!.BaseUrls);
        Assert.Contains("owes 1 URL(s) under the base URL 'https://old.example.com/'", Assert.Single(result.Warnings).Message);
    }

    [Fact]
    public void A_base_url_no_longer_listed_with_nothing_owed_is_a_detail_line_not_a_warning()
    {
        var result = Parse("{\"version\":1,\"baseUrl\":\"https://old.example.com/\",\"baseUrls\":[\"https://old.example.com/\",\"https://www.example.com/\"],\"files\":[]}", Www);

        Assert.NotNull(result.Baseline);
        Assert.Empty(result.Warnings);
        Assert.Equal(
            "The base URL 'https://old.example.com/' of the CDN refresh manifest 'm.json' is no longer listed in CdnRefreshBaseUrl; nothing was owed under it.",
            Assert.Single(result.Messages));
    }

    [Fact]
    public void Urls_owed_under_another_spelling_of_a_listed_base_url_are_respelled_under_the_current_one()
    {
        var result = Parse(
            "{\"version\":1,\"baseUrl\":\"https://cdn.example.com:443/\",\"baseUrls\":[\"https://cdn.example.com:443/\",\"https://www.example.com/\"],\"files\":[],"
            + "\"pendingUrls\":[\"https://cdn.example.com:443/a.js\",\"https://www.example.com/b.js\"]}",
            Www, "https://cdn.example.com/");

        Assert.Empty(result.Warnings);
        Assert.Equal(new[] { "https://cdn.example.com/a.js", "https://www.example.com/b.js" }, result.Baseline!.PendingUrls);
    }
}
