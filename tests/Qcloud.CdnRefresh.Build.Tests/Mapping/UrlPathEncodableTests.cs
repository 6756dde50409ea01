using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Mapping;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Mapping;

public class UrlPathEncodableTests
{
    // Lone surrogates cannot travel through attribute data (the compiler stores them as U+FFFD), so they are built here.
    [Theory]
    [InlineData("bad", 0xFFFD, "name.css")]
    [InlineData("lone", 0xD800, ".css")]
    [InlineData("lone", 0xDC00, ".css")]
    [InlineData("end", 0xD83D, "")]
    public void NameWithoutARealUtf8Form_IsQcdn2003(string prefix, int code, string suffix)
    {
        var relativePath = prefix + (char)code + suffix;

        var error = Assert.Throws<CdnRefreshException>(() => UrlMapper.ThrowIfNotEncodable(relativePath));

        Assert.Equal("QCDN2003", error.Code);
    }

    [Theory]
    [InlineData("文档/说明.html")]
    [InlineData("\uD83D\uDE00.png")]
    [InlineData("a b+c.css")]
    public void ValidUnicodeName_IsEncodable(string relativePath)
    {
        UrlMapper.ThrowIfNotEncodable(relativePath);

        Assert.True(UrlPathEncoder.IsEncodable(relativePath));
    }
}
