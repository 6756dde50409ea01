using System;
using System.Linq;
using System.Text;
using Qcloud.CdnRefresh.Build.Manifest;
using Xunit;
using static Qcloud.CdnRefresh.Build.Tests.Manifest.ManifestTestData;

using Site = Qcloud.CdnRefresh.Build.Mapping.BaseUrl;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

/// <summary>The shapes a manifest may take beyond what the writer writes: hand edits, scripts, older and newer writers.</summary>
public class ManifestReadingTests
{
    private const string Head = "{\"version\":1,\"baseUrl\":\"https://www.example.com/\",";
    private const string Hash = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881";

    private static ManifestLoadResult Parse(string json) =>
        ManifestReader.Parse(Encoding.UTF8.GetBytes(json), "m", Sites);

    private static string Entry(string path) => $"{{\"path\":\"{path}\",\"size\":1,\"sha256\":\"{Hash}\"}}";

    [Fact]
    public void Comments_and_trailing_commas_of_a_hand_edit_are_accepted()
    {
        var result = Parse(Head + "// the files\n\"files\":[{/* one */\"path\":\"a\",\"size\":1,\"sha256\":\"" + Hash + "\",},],"
            + "\"pendingUrls\":[\"https://www.example.com/b\",],}");

        Assert.Empty(result.Warnings);
        Assert.Equal("a", Assert.Single(result.Baseline!.Files).RelativePath);
        Assert.Equal(new[] { "https://www.example.com/b" }, result.Baseline.PendingUrls);
    }

    [Fact]
    public void Fields_may_come_in_any_order()
    {
        var result = Parse("{\"files\":[" + Entry("a") + "],\"baseUrl\":\"https://www.example.com/\",\"version\":1}");

        Assert.Empty(result.Warnings);
        Assert.Equal("a", Assert.Single(result.Baseline!.Files).RelativePath);
    }

    [Fact]
    public void A_repeated_field_counts_with_its_last_value()
    {
        var result = Parse(Head + "\"files\":[], \"files\":[" + Entry("a") + "]}");

        Assert.Equal("a", Assert.Single(result.Baseline!.Files).RelativePath);
    }

    [Fact]
    public void Entries_out_of_order_are_sorted_ordinally_and_paths_differing_in_case_are_different_files()
    {
        var result = Parse(Head + "\"files\":[" + Entry("b") + "," + Entry("a") + "," + Entry("A") + "]}");

        Assert.Empty(result.Warnings);
        Assert.Equal(new[] { "A", "a", "b" }, result.Baseline!.Files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Null_optional_fields_read_as_absent()
    {
        var result = Parse(Head + "\"updatedUtc\":null,\"pendingUrls\":null,\"files\":[{\"path\":\"a\",\"urlPath\":null,"
            + "\"size\":1,\"sha256\":\"" + Hash + "\",\"lastWriteTimeUtc\":null}]}");

        Assert.Empty(result.Warnings);
        var file = Assert.Single(result.Baseline!.Files);
        Assert.Equal(("a", DateTime.MinValue), (file.UrlPath, file.LastWriteTimeUtc));
        Assert.Equal(DateTime.MinValue, result.Baseline.UpdatedUtc);
        Assert.Empty(result.Baseline.PendingUrls);
    }

    [Fact]
    public void Pending_urls_read_distinct_and_sorted_without_blank_ones()
    {
        var result = Parse(Head + "\"files\":[],\"pendingUrls\":[\"\",\" \",\"https://www.example.com/b\","
            + "\"https://www.example.com/a\",\"https://www.example.com/a\"]}");

        Assert.Equal(new[] { "https://www.example.com/a", "https://www.example.com/b" }, result.Baseline!.PendingUrls);
    }

    [Theory]
    [InlineData("\"\\u56fe/\\u0041.png\"", "图/A.png")]
    [InlineData("\"a b/c?d#e%f\"", "a b/c?d#e%f")]
    [InlineData("\"a\\\\b\"", "a\\b")]
    public void Escaped_and_unusual_paths_read_as_their_text(string jsonPath, string path)
    {
        var result = Parse(Head + "\"files\":[{\"path\":" + jsonPath + ",\"size\":9223372036854775807,\"sha256\":\"" + Hash + "\"}]}");

        var file = Assert.Single(result.Baseline!.Files);
        Assert.Equal((path, path, long.MaxValue), (file.RelativePath, file.UrlPath, file.Size));
    }

    [Theory]
    [InlineData("{\"version\":2,\"files\":[1,2,3]}")]
    [InlineData("{\"version\":2}")]
    [InlineData("{\"version\":1,\"version\":2,\"baseUrl\":\"https://www.example.com/\",\"files\":[]}")]
    public void A_newer_version_is_recognised_whatever_the_rest_holds(string json)
    {
        var result = Parse(json);

        Assert.Equal("QCDN2102", Assert.Single(result.Warnings).Code);
        Assert.False(result.MayOverwrite);
    }

    [Theory]
    [InlineData("\"files\":[42]")]
    [InlineData("\"updatedUtc\":\"yesterday\",\"files\":[]")]
    [InlineData("\"files\":[{\"path\":\"a\",\"size\":-1,\"sha256\":\"x\"}]")]
    public void Another_base_url_is_reported_before_defects_in_the_files(string rest)
    {
        var result = Parse("{\"version\":1,\"baseUrl\":\"https://other.example.com/\",\"pendingUrls\":[\"a\",\"b\"]," + rest + "}");

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("QCDN2103", warning.Code);
        Assert.Contains("2 URL(s) still owed", warning.Message);
    }

    [Theory]
    [InlineData(Head + "\"files\":[{\"path\":\"\\ud800\",\"size\":1,\"sha256\":\"" + Hash + "\"}]}")]
    [InlineData(Head + "\"files\":[{\"path\":\"a\",\"urlPath\":\"\\udc00\",\"size\":1,\"sha256\":\"" + Hash + "\"}]}")]
    [InlineData(Head + "\"files\":[],\"pendingUrls\":[\"\\ud800\"]}")]
    [InlineData("{\"version\":1,\"baseUrl\":\"https://www.ex\\ud800ample.com/\",\"files\":[]}")]
    public void Text_that_is_not_valid_unicode_is_a_warning_and_no_baseline(string json)
    {
        var result = Parse(json);

        Assert.Null(result.Baseline);
        Assert.Equal("QCDN2101", Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_a_warning_and_no_baseline()
    {
        var bytes = Encoding.UTF8.GetBytes(Head + "\"files\":[" + Entry("a?") + "]}");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xC3;

        var result = ManifestReader.Parse(bytes, "m", Sites);

        Assert.Null(result.Baseline);
        Assert.Equal("QCDN2101", Assert.Single(result.Warnings).Code);
    }

    [Theory]
    [InlineData("\"files\":5,\"files\":[ENTRY]}")]
    [InlineData("\"files\":[{\"path\":5}],\"files\":[ENTRY]}")]
    [InlineData("\"updatedUtc\":\"garbage\",\"updatedUtc\":null,\"files\":[ENTRY]}")]
    public void A_field_written_twice_is_corrupt_when_an_earlier_value_has_the_wrong_type(string rest)
    {
        var result = Parse(Head + rest.Replace("ENTRY", Entry("a")));

        Assert.Null(result.Baseline);
        Assert.Equal("QCDN2101", Assert.Single(result.Warnings).Code);
    }
}
