using System;
using System.Linq;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Mapping;
using Qcloud.CdnRefresh.Build.Providers.V2;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Quota;
using Xunit;
using static Qcloud.CdnRefresh.Build.Providers.V3.V3Provider;

namespace Qcloud.CdnRefresh.Build.Tests.Quota;

public class QuotaDecisionTests
{
    private static readonly BaseUrl Site = BaseUrl.Parse("https://x.example/");

    [Fact]
    public void V3_batch_size_is_the_smaller_of_the_setting_and_the_api_batch()
    {
        var small = DecideV3(Request(10, batchSize: 1000), UrlQuota(batch: 500, available: 9000), PathQuota());
        var smaller = DecideV3(Request(10, batchSize: 200), UrlQuota(batch: 500, available: 9000), PathQuota());

        Assert.Equal(500, SendsUrls(small).BatchSize);
        Assert.Equal(200, SendsUrls(smaller).BatchSize);
    }

    [Fact]
    public void V3_without_quota_numbers_uses_the_settings_alone()
    {
        var decision = DecideV3(Request(10, batchSize: 300), outcome: null);

        var send = SendsUrls(decision);
        Assert.Equal(300, send.BatchSize);
        Assert.Contains("; 10000 are left today", send.Explanation);
    }

    [Fact]
    public void V3_reads_the_areas_numbers_from_the_describe_purge_quota_answer()
    {
        var outcome = new PurgeQuotaResponse
        {
            UrlPurge = new[] { UrlQuota(batch: 1000, available: 5, area: "mainland"), UrlQuota(batch: 100, available: 50, area: "overseas") },
            PathPurge = new[] { PathQuota(available: 7, area: "overseas") },
        };

        var decision = DecideV3(Request(20), outcome);

        Assert.Equal(100, SendsUrls(decision).BatchSize);
        Assert.Contains("; 50 are left today", decision.Explanation);
    }

    [Fact]
    public void V3_available_too_small_refuses_with_both_numbers_and_the_knob()
    {
        var decision = DecideV3(Request(1200), UrlQuota(available: 800), PathQuota());

        var refuse = Refusal(decision);
        Assert.Equal("QCDN3007", refuse.Code);
        Assert.Contains("1200", refuse.Message);
        Assert.Contains("800", refuse.Message);
        Assert.Contains("CdnRefreshOverQuota=directory", refuse.Message);
    }

    [Fact]
    public void V3_daily_quota_setting_below_available_is_the_limit_and_the_message_names_it()
    {
        var decision = DecideV3(Request(600, dailyQuota: 500), UrlQuota(available: 9000), PathQuota());

        var refuse = Refusal(decision);
        Assert.Contains("only 500 are left today", refuse.Message);
        Assert.Contains("raise CdnRefreshDailyQuota", refuse.Message);
    }

    [Fact]
    public void V3_over_quota_with_directory_sends_a_directory_plan_within_the_path_quota()
    {
        var decision = DecideV3(
            Request(1200, OverQuotaMode.Directory),
            UrlQuota(available: 800),
            PathQuota(batch: 50, available: 3));

        var send = SendsDirectories(decision);
        Assert.Equal(50, send.BatchSize);
        Assert.Contains("(3 left today", send.Explanation);
        Assert.InRange(send.Plan!.CoveredUrls.Count, 1, 3);
        Assert.Equal(1200, send.Plan!.CoveredUrls.Values.Sum(covered => covered.Count));
        Assert.Contains("CdnRefreshOverQuota=directory", send.Explanation);
    }

    [Fact]
    public void V3_directory_requests_default_to_20_when_the_api_gives_no_path_batch()
    {
        var withoutNumbers = DecideV3(Request(20, OverQuotaMode.Directory, dailyQuota: 10), urlQuota: null, pathQuota: null);

        var send = SendsDirectories(withoutNumbers);
        Assert.Equal(20, send.BatchSize);
        Assert.Contains("(100 left today", send.Explanation);
    }

    [Fact]
    public void V3_no_path_quota_left_refuses_even_with_directory()
    {
        var decision = DecideV3(Request(1200, OverQuotaMode.Directory), UrlQuota(available: 800), PathQuota(available: 0));

        var refuse = Refusal(decision);
        Assert.Equal("QCDN3007", refuse.Code);
        Assert.Contains("No directory refreshes are left either", decision.Explanation);
        Assert.Contains("1200", refuse.Message);
        Assert.Contains("800", refuse.Message);
        Assert.Contains("no directory refreshes are left", refuse.Message);
    }

    [Fact]
    public void V3_urls_that_fit_are_sent_as_urls_even_with_directory()
    {
        var decision = DecideV3(Request(800, OverQuotaMode.Directory), UrlQuota(available: 800), PathQuota());

        SendsUrls(decision);
    }

    [Fact]
    public void V2_available_is_the_daily_quota_minus_todays_use()
    {
        var decision = DecideV2(Request(100, dailyQuota: 1000), urlsUsedToday: 900, directoriesUsedToday: 0);

        var send = SendsUrls(decision);
        Assert.Contains("; 100 are left today", send.Explanation);
        Assert.Equal(1000, send.BatchSize);
    }

    [Fact]
    public void V2_used_plus_needed_over_the_daily_quota_refuses_with_both_numbers()
    {
        var decision = DecideV2(Request(101, dailyQuota: 1000), urlsUsedToday: 900, directoriesUsedToday: 0);

        var refuse = Refusal(decision);
        Assert.Contains("101", refuse.Message);
        Assert.Contains("only 100", refuse.Message);
        Assert.Contains("900 were already accepted today", refuse.Message);
        Assert.Contains("CdnRefreshDailyQuota", refuse.Message);
    }

    [Fact]
    public void V2_use_beyond_the_daily_quota_leaves_zero_not_a_negative_number()
    {
        var decision = DecideV2(Request(1, dailyQuota: 1000), urlsUsedToday: 1500, directoriesUsedToday: 0);

        Assert.Contains("only 0 are left today", Refusal(decision).Message);
    }

    [Fact]
    public void V2_over_quota_with_directory_folds_into_20_a_request_within_100_a_day()
    {
        var decision = DecideV2(Request(101, OverQuotaMode.Directory, dailyQuota: 1000), urlsUsedToday: 900, directoriesUsedToday: 40);

        var send = SendsDirectories(decision);
        Assert.Equal(20, send.BatchSize);
        Assert.Contains("(60 left today", send.Explanation);
        Assert.InRange(send.Plan!.CoveredUrls.Count, 1, 60);
    }

    [Fact]
    public void V2_directory_limit_left_today_caps_the_plan()
    {
        var decision = DecideV2(Request(101, OverQuotaMode.Directory, dailyQuota: 100), urlsUsedToday: 0, directoriesUsedToday: 95);

        var send = SendsDirectories(decision);
        Assert.Contains("(5 left today", send.Explanation);
        Assert.Equal(
            new[] { "https://x.example/s0/", "https://x.example/s1/", "https://x.example/s2/", "https://x.example/s3/", "https://x.example/s4/" },
            send.Plan!.DirectoryUrls);
    }

    [Fact]
    public void V2_all_100_directories_used_refuses_even_with_directory()
    {
        var decision = DecideV2(Request(101, OverQuotaMode.Directory, dailyQuota: 100), urlsUsedToday: 0, directoriesUsedToday: 100);

        var refuse = Refusal(decision);
        Assert.Contains("API 2.0 allows 100 directory refreshes a day", refuse.Message);
    }

    // URLs spread over 10 folders of 2 levels, so folding has something to do.
    private static QuotaRequest Request(int urlCount, OverQuotaMode mode = OverQuotaMode.Fail, int dailyQuota = 10000, int batchSize = 1000) =>
        new(
            Urls: Enumerable.Range(0, urlCount).Select(i => $"https://x.example/s{i % 5}/t{i % 10}/f{i}.html").ToList(),
            BaseUrls: new[] { Site },
            Area: "overseas",
            DailyQuota: dailyQuota,
            BatchSize: batchSize,
            OverQuota: mode);

    private static PurgeQuota UrlQuota(long batch = 1000, long available = 10000, string area = "overseas") =>
        new() { Area = area, Batch = batch, Total = 10000, Available = available };

    private static PurgeQuota PathQuota(long batch = 20, long available = 100, string area = "overseas") =>
        new() { Area = area, Batch = batch, Total = 100, Available = available };

    private static QuotaDecision DecideV3(QuotaRequest request, PurgeQuotaResponse? outcome) =>
        QuotaDecision.Decide(request, V3Provider.Today(request, outcome));

    private static QuotaDecision DecideV3(QuotaRequest request, PurgeQuota? urlQuota, PurgeQuota? pathQuota) =>
        QuotaDecision.Decide(request, V3Provider.Today(request, urlQuota, pathQuota));

    private static QuotaDecision DecideV2(QuotaRequest request, long urlsUsedToday, long directoriesUsedToday) =>
        QuotaDecision.Decide(request, V2Provider.Today(request, urlsUsedToday, directoriesUsedToday));

    private static QuotaDecision SendsUrls(QuotaDecision decision)
    {
        Assert.Null(decision.Refusal);
        Assert.Null(decision.Plan);
        return decision;
    }

    private static QuotaDecision SendsDirectories(QuotaDecision decision)
    {
        Assert.Null(decision.Refusal);
        Assert.NotNull(decision.Plan);
        return decision;
    }

    /// <summary>The error a real run throws: always QCDN3007, whatever does not fit.</summary>
    private static CdnRefreshException Refusal(QuotaDecision decision)
    {
        Assert.Null(decision.Plan);
        var refusal = Assert.IsType<CdnRefreshException>(decision.Refusal);
        Assert.Equal("QCDN3007", refusal.Code);
        return refusal;
    }
}
