using System;
using System.IO;
using System.Text;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Quota;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Quota;

/// <summary>The usage file's JSON: what is written, what a hand edit may hold, and what is refused.</summary>
public class DailyUsageFileTests
{
    // 2026-11-30 00:30 in Beijing.
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 16, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_file_has_a_version_and_one_indented_entry_per_day_and_area_sorted()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("u.json");
        var store = DailyUsageStore.Load(path, Now);
        store.Add("overseas", RefreshTarget.Urls, 120, Now);
        store.Add("overseas", RefreshTarget.Directories, 3, Now);
        store.Add("mainland", RefreshTarget.Urls, 4, Now);

        store.Save();

        Assert.Equal(
            "{\n"
            + "  \"version\": 1,\n"
            + "  \"days\": [\n"
            + "    {\n"
            + "      \"day\": \"2026-11-30\",\n"
            + "      \"area\": \"mainland\",\n"
            + "      \"urls\": 4,\n"
            + "      \"directories\": 0\n"
            + "    },\n"
            + "    {\n"
            + "      \"day\": \"2026-11-30\",\n"
            + "      \"area\": \"overseas\",\n"
            + "      \"urls\": 120,\n"
            + "      \"directories\": 3\n"
            + "    }\n"
            + "  ]\n"
            + "}\n",
            File.ReadAllText(path).Replace("\r\n", "\n"));
    }

    [Fact]
    public void A_hand_edit_with_a_bom_comments_trailing_commas_and_repeated_entries_is_read()
    {
        var store = LoadText(
            "\uFEFF{\"version\":1, /* edited */ \"days\":["
            + "{\"day\":\"2026-11-30\",\"area\":\" OverSeas \",\"urls\":1},"
            + "{\"day\":\"2026-11-30\",\"area\":\"overseas\",\"urls\":2,\"directories\":1},],}");

        Assert.Empty(store.Warnings);
        Assert.Equal(3, store.Used("overseas", RefreshTarget.Urls, Now));
        Assert.Equal(1, store.Used("overseas", RefreshTarget.Directories, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"version\":1,\"days\":[{\"day\":\"2026-11-")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"version\":\"1\",\"days\":[]}")]
    [InlineData("{\"version\":0,\"days\":[]}")]
    [InlineData("{\"version\":1}")]
    [InlineData("{\"version\":1,\"days\":{}}")]
    [InlineData("{\"version\":1,\"days\":[null]}")]
    [InlineData("{\"version\":1,\"days\":[{\"area\":\"overseas\"}]}")]
    [InlineData("{\"version\":1,\"days\":[{\"day\":\"2026-11-31\",\"area\":\"overseas\"}]}")]
    [InlineData("{\"version\":1,\"days\":[{\"day\":\"2026-11-30\",\"area\":\" \"}]}")]
    [InlineData("{\"version\":1,\"days\":[{\"day\":\"2026-11-30\",\"area\":\"overseas\",\"urls\":-5}]}")]
    [InlineData("{\"version\":1,\"days\":[{\"day\":\"2026-11-30\",\"area\":\"overseas\",\"urls\":null}]}")]
    [InlineData("{\"version\":1,\"days\":[{\"day\":\"2026-11-30\",\"area\":\"overseas\",\"directories\":1.5}]}")]
    [InlineData("{\"version\":1,\"days\":[{\"day\":\"2026-11-30\",\"area\":\"\\ud800\"}]}")]
    public void A_corrupt_file_is_zero_use_with_a_warning_and_is_replaced(string json)
    {
        var store = LoadText(json);

        Assert.Empty(store.Entries);
        Assert.Equal("QCDN2101", Assert.Single(store.Warnings).Code);
        Assert.True(store.MayOverwrite);
    }

    [Theory]
    [InlineData("{\"version\":2,\"days\":7}")]
    [InlineData("{\"version\":1,\"version\":2,\"days\":[]}")]
    public void A_newer_version_is_recognised_whatever_the_rest_holds(string json)
    {
        var store = LoadText(json);

        Assert.Equal("QCDN2102", Assert.Single(store.Warnings).Code);
        Assert.False(store.MayOverwrite);
    }

    private static DailyUsageStore LoadText(string json)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("u.json");
        File.WriteAllText(path, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return DailyUsageStore.Load(path, Now);
    }
}
