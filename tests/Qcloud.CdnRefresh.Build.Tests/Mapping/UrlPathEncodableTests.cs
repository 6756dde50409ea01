using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Mapping;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Mapping;

public class UrlPathEncodableTests
{
    [Theory]
    [InlineData("bad\uFFFDname.css")]
    [InlineData("lone\uD800.css")]
    [InlineData("lone\uDC00.css")]
    [InlineData("end\uD83D")]
    public void NameWithoutARealUtf8Form_IsQcdn2003(string relativePath)
    {
        var error = Assert.Throws<CdnRefreshException>(() => UrlMapper.ThrowIfNotEncodable(relativePath));

        Assert.Equal(DiagnosticCodes.FileNameNotUrl, error.Code);
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
