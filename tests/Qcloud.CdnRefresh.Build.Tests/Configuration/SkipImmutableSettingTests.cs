using System;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Configuration;

/// <summary><c>CdnRefreshSkipImmutable</c> and the endpoints file's path, as the parser reads them.</summary>
public sealed class SkipImmutableSettingTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private RefreshSettings Parse(string knob, string? value) =>
        TaskParameters.Parse(("PublishDir", _temp.Path), ("BaseUrl", "https://www.example.com/"), (knob, value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void SkipImmutable_IsOnByDefault(string? value)
    {
        Assert.True(Parse("SkipImmutable", value).SkipImmutable);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("OFF", false)]
    [InlineData("true", true)]
    public void SkipImmutable_TakesABoolean(string value, bool expected)
    {
        Assert.Equal(expected, Parse("SkipImmutable", value).SkipImmutable);
    }

    [Fact]
    public void SkipImmutable_ThatIsNotABoolean_IsQcdn1009NamingTheProperty()
    {
        var error = Assert.Throws<CdnRefreshException>(() => Parse("SkipImmutable", "sometimes"));

        Assert.Equal("QCDN1009", error.Code);
        Assert.Contains("CdnRefreshSkipImmutable 'sometimes'", error.Message);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("/site/out/app.staticwebassets.endpoints.json", "/site/out/app.staticwebassets.endpoints.json")]
    public void TheEndpointsFile_IsThePathAsGiven_OrNone(string? value, string? expected)
    {
        Assert.Equal(expected, Parse("EndpointsFile", value).EndpointsFile);
    }
}
