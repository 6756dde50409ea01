using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Mapping;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Mapping;

public sealed class BaseUrlTests
{
    [Theory]
    [InlineData("https://www.example.com/", "https://www.example.com/")]
    [InlineData("https://www.example.com", "https://www.example.com/")]
    [InlineData("http://www.example.com/", "http://www.example.com/")]
    [InlineData("https://cdn.example.com/app", "https://cdn.example.com/app/")]
    [InlineData("https://cdn.example.com/app/", "https://cdn.example.com/app/")]
    [InlineData("https://cdn.example.com/a/B/", "https://cdn.example.com/a/B/")]
    [InlineData("HTTPS://CDN.Example.COM/App/", "https://cdn.example.com/App/")]
    [InlineData("https://cdn.example.com:8443/app", "https://cdn.example.com:8443/app/")]
    [InlineData("https://cdn.example.com:443/", "https://cdn.example.com:443/")]
    [InlineData("http://[::1]:8080/", "http://[::1]:8080/")]
    [InlineData("  https://www.example.com/  ", "https://www.example.com/")]
    [InlineData("https://bücher.example/", "https://xn--bcher-kva.example/")]
    [InlineData("https://cdn.example.com/文档", "https://cdn.example.com/%E6%96%87%E6%A1%A3/")]
    [InlineData("https://cdn.example.com/a%20b/", "https://cdn.example.com/a%20b/")]
    [InlineData("https://cdn.example.com/%%2f%4x%7", "https://cdn.example.com/%25%2f%254x%257/")]
    [InlineData("https://cdn.example.com/é%41é", "https://cdn.example.com/%C3%A9%41%C3%A9/")]
    public void Parse_ValidUrl_NormalisesToTrailingSlash(string value, string expected)
    {
        Assert.Equal(expected, BaseUrl.Parse(value).Value);
    }

    [Theory]
    [InlineData("www.example.com/")]
    [InlineData("/app/")]
    [InlineData("ftp://www.example.com/")]
    [InlineData("https://www.example.com/?v=1")]
    [InlineData("https://www.example.com/#top")]
    [InlineData("https:///app/")]
    [InlineData("https://user:pass@www.example.com/")]
    [InlineData("https://www.example.com:99999/")]
    [InlineData("https://www.example.com:/")]
    [InlineData("https://www.exa mple.com/")]
    [InlineData("https://www.example.com/a/../b/")]
    public void Parse_InvalidUrl_ThrowsBaseUrlInvalidShowingValueAndExample(string value)
    {
        var error = Assert.Throws<CdnRefreshException>(() => BaseUrl.Parse(value));

        Assert.Equal("QCDN1001", error.Code);
        Assert.Contains("'" + value + "'", error.Message);
        Assert.Contains("https://www.example.com/", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Empty_ThrowsBaseUrlInvalidSayingItIsRequired(string? value)
    {
        var error = Assert.Throws<CdnRefreshException>(() => BaseUrl.Parse(value));

        Assert.Equal("QCDN1001", error.Code);
        Assert.Contains("CdnRefreshBaseUrl is required", error.Message);
    }

    [Theory]
    [InlineData("https://www.example.com:443/", "https://www.example.com:443/old/x.js", "https://www.example.com/old/x.js")]
    [InlineData("HTTPS://WWW.EXAMPLE.COM", "HTTPS://WWW.EXAMPLE.COM/a.css", "https://www.example.com/a.css")]
    [InlineData("https://www.example.com:443/", "https://cdn.example.org/a.css", "https://cdn.example.org/a.css")]
    public void Respell_PutsAUrlUnderAnotherSpellingOfTheSiteUnderThisOne(string recorded, string url, string expected)
    {
        Assert.Equal(expected, BaseUrl.Parse("https://www.example.com/").Respell(url, recorded));
    }
}
