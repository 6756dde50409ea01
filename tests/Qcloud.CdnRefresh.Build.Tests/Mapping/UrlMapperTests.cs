using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Mapping;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Mapping;

public sealed class UrlMapperTests
{
    private const string Base = "https://cdn.example.com/";

    [Theory]
    [InlineData("a b.txt", "a%20b.txt")]
    [InlineData("100%.txt", "100%25.txt")]
    [InlineData("c#.txt", "c%23.txt")]
    [InlineData("why?.txt", "why%3F.txt")]
    [InlineData("say\"hi\".txt", "say%22hi%22.txt")]
    [InlineData("<b>.txt", "%3Cb%3E.txt")]
    [InlineData("tick`.txt", "tick%60.txt")]
    [InlineData("{x}.txt", "%7Bx%7D.txt")]
    [InlineData("back\\slash.txt", "back%5Cslash.txt")]
    [InlineData("pipe|.txt", "pipe%7C.txt")]
    [InlineData("caret^.txt", "caret%5E.txt")]
    [InlineData("[1].txt", "%5B1%5D.txt")]
    [InlineData("tab\t.txt", "tab%09.txt")]
    [InlineData("nul\u0000.txt", "nul%00.txt")]
    [InlineData("us\u001f.txt", "us%1F.txt")]
    [InlineData("del\u007f.txt", "del%7F.txt")]
    [InlineData("é.txt", "%C3%A9.txt")]
    [InlineData("文档/说明.html", "%E6%96%87%E6%A1%A3/%E8%AF%B4%E6%98%8E.html")]
    [InlineData("😀.png", "%F0%9F%98%80.png")]
    public void Map_CharacterBrowsersEscape_IsPercentEncoded(string relativePath, string expectedPath)
    {
        Assert.Equal(new[] { Base + expectedPath }, Mapper().Map(relativePath));
    }

    [Theory]
    [InlineData("AZaz09-._~.txt")]
    [InlineData("a+b'c!d$e&f(g)h*i,j;k=l:m@n.txt")]
    [InlineData("Mixed/CASE/File.JS")]
    public void Map_UnreservedAndSubDelimiters_StayAsTheyAre(string relativePath)
    {
        Assert.Equal(new[] { Base + relativePath }, Mapper().Map(relativePath));
    }

    [Theory]
    [InlineData("https://cdn.example.com", "css/a.css", "https://cdn.example.com/css/a.css")]
    [InlineData("https://cdn.example.com/", "css/a.css", "https://cdn.example.com/css/a.css")]
    [InlineData("https://cdn.example.com/app", "css/a.css", "https://cdn.example.com/app/css/a.css")]
    [InlineData("https://cdn.example.com/app/", "css/a.css", "https://cdn.example.com/app/css/a.css")]
    public void Map_BaseUrlWithOrWithoutPrefixAndSlash_JoinsWithOneSlash(string baseUrl, string relativePath, string expected)
    {
        Assert.Equal(new[] { expected }, new UrlMapper(BaseUrl.Parse(baseUrl)).Map(relativePath));
    }

    [Fact]
    public void Map_RootIndex_AlsoYieldsBaseUrl()
    {
        Assert.Equal(new[] { Base + "index.html", Base }, Mapper().Map("index.html"));
    }

    [Fact]
    public void Map_NestedIndex_AlsoYieldsFolderUrl()
    {
        Assert.Equal(new[] { Base + "docs/v%201/index.html", Base + "docs/v%201/" }, Mapper().Map("docs/v 1/index.html"));
    }

    [Fact]
    public void Map_RootIndexUnderPathPrefix_AlsoYieldsPrefixedBaseUrl()
    {
        var mapper = new UrlMapper(BaseUrl.Parse("https://cdn.example.com/app"));

        Assert.Equal(new[] { "https://cdn.example.com/app/index.html", "https://cdn.example.com/app/" }, mapper.Map("index.html"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Map_DirectoryIndexTurnedOff_YieldsFileUrlOnly(string? directoryIndex)
    {
        var mapper = new UrlMapper(BaseUrl.Parse(Base), directoryIndex);

        Assert.Equal(new[] { Base + "index.html" }, mapper.Map("index.html"));
    }

    [Fact]
    public void Map_CustomDirectoryIndex_YieldsFolderUrlForThatName()
    {
        var mapper = new UrlMapper(BaseUrl.Parse(Base), "default.htm");

        Assert.Equal(new[] { Base + "a/default.htm", Base + "a/" }, mapper.Map("a/default.htm"));
        Assert.Equal(new[] { Base + "a/index.html" }, mapper.Map("a/index.html"));
    }

    [Fact]
    public void MapAll_OverlappingPaths_ReturnsDistinctUrlsSortedOrdinally()
    {
        var urls = Mapper().MapAll(new[] { "b.txt", "index.html", "B.txt", "a/index.html", "b.txt", "a-b.txt" });

        Assert.Equal(
            new[]
            {
                Base,
                Base + "B.txt",
                Base + "a-b.txt",
                Base + "a/",
                Base + "a/index.html",
                Base + "b.txt",
                Base + "index.html",
            },
            urls);
    }

    [Theory]
    [InlineData("a//b.txt")]
    [InlineData("/a.txt")]
    [InlineData("a/")]
    [InlineData("a/../b.txt")]
    public void Map_PathThatCannotBeUrl_ThrowsFileNameNotUrl(string relativePath)
    {
        var error = Assert.Throws<CdnRefreshException>(() => Mapper().Map(relativePath));

        Assert.Equal("QCDN2003", error.Code);
        Assert.Contains("cannot be turned into a URL", error.Message);
    }

    // Attribute arguments are stored as UTF-8, which cannot hold a lone surrogate: pass its code instead.
    [Theory]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    [InlineData(0xDBFF)]
    public void Map_LoneSurrogate_ThrowsFileNameNotUrl(int surrogate)
    {
        var relativePath = "bad" + (char)surrogate + "name/x.txt";

        var error = Assert.Throws<CdnRefreshException>(() => Mapper().Map(relativePath));

        Assert.Equal("QCDN2003", error.Code);
    }

    [Fact]
    public void Map_LoneSurrogate_ErrorNamesFileWithVisibleCode()
    {
        var error = Assert.Throws<CdnRefreshException>(() => Mapper().Map("dir/bad\ud800.txt"));

        Assert.Contains("'dir/bad\\uD800.txt'", error.Message);
    }

    [Fact]
    public void Map_LoneSurrogates_ErrorShowsEachLoneOneAndControlAsCode_KeepsPairs()
    {
        var error = Assert.Throws<CdnRefreshException>(() => Mapper().Map("\udc00\ud800\ud83d\ude00\u0007\ud800\udc00\udc00.txt"));

        Assert.Contains("'\\uDC00\\uD800\ud83d\ude00\\u0007\ud800\udc00\\uDC00.txt'", error.Message);
    }

    [Fact]
    public void Constructor_DirectoryIndexWithFolder_ThrowsInvalidOption()
    {
        var error = Assert.Throws<CdnRefreshException>(() => new UrlMapper(BaseUrl.Parse(Base), "docs/index.html"));

        Assert.Equal("QCDN1009", error.Code);
    }

    private static UrlMapper Mapper() => new(BaseUrl.Parse(Base));
}
