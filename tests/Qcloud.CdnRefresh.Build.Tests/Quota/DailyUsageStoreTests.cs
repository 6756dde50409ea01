using System;
using System.IO;
using System.Linq;
using System.Text;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Quota;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Quota;

public class DailyUsageStoreTests
{
    // 2026-11-30 00:30 in Beijing.
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 16, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_usage_file_sits_next_to_the_manifest()
    {
        var manifest = Path.Combine(Path.GetTempPath(), "obj", "cdn-refresh", "Site.manifest.json");

        Assert.Equal(manifest + ".usage.json", DailyUsageStore.PathFor(manifest));
    }

    [Fact]
    public void A_missing_file_is_zero_use_without_a_warning()
    {
        using var temp = new TempDirectory();

        var store = DailyUsageStore.Load(temp.Combine("no", "such.usage.json"), Now);

        Assert.Equal(0, store.Used("overseas", RefreshTarget.Urls, Now));
        Assert.Empty(store.Warnings);
    }

    [Fact]
    public void A_corrupt_file_is_zero_use_with_a_warning_naming_the_file()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("m.json.usage.json");
        File.WriteAllText(path, "{\"version\":1,\"days\":[{\"day\":\"2026-11-");

        var store = DailyUsageStore.Load(path, Now);

        Assert.Equal(0, store.Used("overseas", RefreshTarget.Urls, Now));
        var warning = Assert.Single(store.Warnings);
        Assert.Equal("QCDN2101", warning.Code);
        Assert.Contains(path, warning.Message);
        Assert.True(store.MayOverwrite);
    }

    [Fact]
    public void Saved_counts_read_back_per_kind()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("state", "u.json");
        var store = DailyUsageStore.Load(path, Now);
        store.Add("overseas", RefreshTarget.Urls, 120, Now);
        store.Add("overseas", RefreshTarget.Urls, 30, Now);
        store.Add("overseas", RefreshTarget.Directories, 3, Now);

        Assert.True(store.Save());
        var reloaded = DailyUsageStore.Load(path, Now);

        Assert.Empty(reloaded.Warnings);
        Assert.Equal(150, reloaded.Used("overseas", RefreshTarget.Urls, Now));
        Assert.Equal(3, reloaded.Used("overseas", RefreshTarget.Directories, Now));
    }

    [Fact]
    public void The_day_rolls_over_at_midnight_beijing_time()
    {
        using var temp = new TempDirectory();
        var beforeMidnight = new DateTimeOffset(2026, 11, 29, 15, 59, 59, TimeSpan.Zero);
        var atMidnight = new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero);
        var store = DailyUsageStore.Load(temp.Combine("u.json"), beforeMidnight);

        store.Add("overseas", RefreshTarget.Urls, 500, beforeMidnight);

        Assert.Equal(500, store.Used("overseas", RefreshTarget.Urls, beforeMidnight));
        Assert.Equal(0, store.Used("overseas", RefreshTarget.Urls, atMidnight));
        Assert.Equal(new DateTime(2026, 11, 29), BeijingTime.DayOf(beforeMidnight));
        Assert.Equal(new DateTime(2026, 11, 30), BeijingTime.DayOf(atMidnight));
    }

    [Fact]
    public void The_beijing_day_does_not_depend_on_the_offset_the_clock_is_given_in()
    {
        var inNewYork = new DateTimeOffset(2026, 11, 29, 11, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal(new DateTime(2026, 11, 30), BeijingTime.DayOf(inNewYork));
    }

    [Fact]
    public void Two_areas_are_counted_separately()
    {
        using var temp = new TempDirectory();
        var store = DailyUsageStore.Load(temp.Combine("u.json"), Now);

        store.Add("overseas", RefreshTarget.Urls, 7, Now);
        store.Add("mainland", RefreshTarget.Urls, 2, Now);

        Assert.Equal(7, store.Used("overseas", RefreshTarget.Urls, Now));
        Assert.Equal(2, store.Used("mainland", RefreshTarget.Urls, Now));
    }

    [Fact]
    public void Loading_keeps_today_and_yesterday_and_drops_older_days()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("u.json");
        File.WriteAllText(path, """
            {"version":1,"days":[
              {"day":"2026-11-28","area":"overseas","urls":1},
              {"day":"2026-11-29","area":"overseas","urls":2},
              {"day":"2026-11-30","area":"overseas","urls":3}
            ]}
            """);

        var store = DailyUsageStore.Load(path, Now);

        Assert.Equal(new[] { new DateTime(2026, 11, 29), new DateTime(2026, 11, 30) }, store.Entries.Select(e => e.Day));
        Assert.Equal(3, store.Used("overseas", RefreshTarget.Urls, Now));
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("u.json");
        File.WriteAllText(path, "{\"version\":1,\"writer\":\"someone\",\"days\":[{\"day\":\"2026-11-30\",\"area\":\"overseas\",\"urls\":9,\"note\":{\"x\":1}}]}");

        var store = DailyUsageStore.Load(path, Now);

        Assert.Empty(store.Warnings);
        Assert.Equal(9, store.Used("overseas", RefreshTarget.Urls, Now));
        Assert.Equal(0, store.Used("overseas", RefreshTarget.Directories, Now));
    }

    [Fact]
    public void A_newer_version_is_zero_use_with_a_warning_and_is_not_overwritten()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("u.json");
        const string Newer = "{\"version\":2,\"days\":{}}";
        File.WriteAllText(path, Newer);

        var store = DailyUsageStore.Load(path, Now);
        store.Add("overseas", RefreshTarget.Urls, 5, Now);

        Assert.Equal("QCDN2102", Assert.Single(store.Warnings).Code);
        Assert.False(store.Save());
        Assert.Equal(Newer, File.ReadAllText(path));
    }

    [Fact]
    public void Save_replaces_the_file_atomically_and_leaves_no_temporary_file()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("u.json");
        var first = DailyUsageStore.Load(path, Now);
        first.Add("overseas", RefreshTarget.Urls, 1, Now);
        first.Save();

        var second = DailyUsageStore.Load(path, Now);
        second.Add("overseas", RefreshTarget.Urls, 1, Now);
        second.Save();

        Assert.Equal(2, DailyUsageStore.Load(path, Now).Used("overseas", RefreshTarget.Urls, Now));
        Assert.Equal(new[] { path }, Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void A_failed_save_is_a_coded_error_and_keeps_the_old_file()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("u.json");
        var first = DailyUsageStore.Load(path, Now);
        first.Add("overseas", RefreshTarget.Urls, 1, Now);
        first.Save();
        var before = File.ReadAllBytes(path);

        // A folder where the temporary file should go makes the write fail even when running as root.
        var blocked = temp.Combine("blocked.tmp");
        Directory.CreateDirectory(blocked);
        var failing = DailyUsageStore.Load(path, Now, _ => blocked);
        failing.Add("overseas", RefreshTarget.Urls, 99, Now);
        var exception = Assert.Throws<CdnRefreshException>(() => failing.Save());

        Assert.Equal("QCDN2104", exception.Code);
        Assert.Contains(path, exception.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_negative_count_cannot_be_added()
    {
        using var temp = new TempDirectory();
        var store = DailyUsageStore.Load(temp.Combine("u.json"), Now);

        Assert.Throws<ArgumentOutOfRangeException>(() => store.Add("overseas", RefreshTarget.Urls, -1, Now));
    }

    [Fact]
    public void The_file_is_utf8_json_without_a_bom_ending_in_a_newline()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("u.json");
        var store = DailyUsageStore.Load(path, Now);
        store.Add("mainland", RefreshTarget.Urls, 4, Now);
        store.Save();

        var bytes = File.ReadAllBytes(path);
        Assert.Equal((byte)'{', bytes[0]);
        Assert.EndsWith("}\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
