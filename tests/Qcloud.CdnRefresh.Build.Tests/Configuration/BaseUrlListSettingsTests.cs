using System;
using System.Linq;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Configuration;

/// <summary><c>CdnRefreshBaseUrl</c> as a <c>;</c>-separated list of base URLs.</summary>
public sealed class BaseUrlListSettingsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private RefreshSettings Parse(string? baseUrl) => TaskParameters.Parse(("PublishDir", _temp.Path), ("BaseUrl", baseUrl));

    private string[] BaseUrlsOf(string baseUrl) => Parse(baseUrl).BaseUrls.Select(url => url.Value).ToArray();

    [Fact]
    public void OneBaseUrl_IsAListOfOne()
    {
        Assert.Equal(new[] { "https://www.example.com/" }, BaseUrlsOf("https://www.example.com"));
    }

    [Fact]
    public void Entries_AreSplitOnSemicolons_AndKeepTheUsersOrder()
    {
        Assert.Equal(
            new[] { "https://www.example.com/", "https://cdn.example.com/app/", "https://example.com/" },
            BaseUrlsOf("https://www.example.com/;https://cdn.example.com/app/;https://example.com/"));
    }

    [Fact]
    public void Entries_AreTrimmed()
    {
        Assert.Equal(new[] { "https://www.example.com/", "https://example.com/" }, BaseUrlsOf("  https://www.example.com/ ;\n\thttps://example.com/  "));
    }

    [Fact]
    public void EmptyEntries_AreSkipped()
    {
        Assert.Equal(new[] { "https://www.example.com/", "https://example.com/" }, BaseUrlsOf(";https://www.example.com/;; ;https://example.com/;"));
    }

    [Fact]
    public void TwoSpellingsOfOneSite_CountOnce_AndTheFirstSpellingIsKept()
    {
        Assert.Equal(
            new[] { "https://a.com/", "https://b.com/" },
            BaseUrlsOf("https://A.com/;https://b.com/;https://a.com:443;HTTPS://a.com/"));
    }

    [Theory]
    [InlineData(";")]
    [InlineData(" ; ;")]
    public void NoEntryAtAll_IsQcdn1001_SayingItIsRequired(string baseUrl)
    {
        var error = Assert.Throws<CdnRefreshException>(() => Parse(baseUrl));

        Assert.Equal("QCDN1001", error.Code);
        Assert.Contains("CdnRefreshBaseUrl is required", error.Message);
    }

    [Fact]
    public void ABadEntry_IsQcdn1001_NamingThatEntryAlone()
    {
        var error = Assert.Throws<CdnRefreshException>(() => Parse("https://www.example.com/; ftp://files.example.com/ ;https://example.com/"));

        Assert.Equal("QCDN1001", error.Code);
        Assert.StartsWith("CdnRefreshBaseUrl 'ftp://files.example.com/' is not valid: it must be an absolute URL starting with http:// or https://.", error.Message);
    }
}
