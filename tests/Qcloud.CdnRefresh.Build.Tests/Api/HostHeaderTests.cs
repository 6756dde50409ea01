using System;
using Qcloud.CdnRefresh.Build.Providers;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

public class HostHeaderTests
{
    [Theory]
    [InlineData("https://cdn.tencentcloudapi.com/", "cdn.tencentcloudapi.com")]
    [InlineData("https://cdn.tencentcloudapi.com:443/", "cdn.tencentcloudapi.com")]
    [InlineData("http://127.0.0.1:5081/v2/index.php", "127.0.0.1:5081")]
    [InlineData("https://127.0.0.1:80/", "127.0.0.1:80")]
    [InlineData("http://[::1]:5081/", "[::1]:5081")]
    [InlineData("https://CDN.Example.com/", "cdn.example.com")]
    public void Host_IsTheAsciiHostWithAPortOnlyWhenNotTheDefault(string endpoint, string host)
    {
        Assert.Equal(host, SignedApiProvider.HostOf(new Uri(endpoint)));
    }
}
