using System;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Configuration;

/// <summary><c>CdnRefreshZoneId</c> and <c>CdnRefreshArea</c> with a zone-scoped API (EdgeOne) and without one.</summary>
public sealed class ZoneSettingsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void EdgeOne_DefaultsToTheTeoEndpoint_AndKeepsTheZone()
    {
        var settings = TaskParameters.Parse(("PublishDir", _temp.Path), ("BaseUrl", "https://www.example.com/"), ("Api", "edgeone"), ("ZoneId", " zone-2noz78a8ev6k "));

        Assert.Equal(new Uri("https://teo.tencentcloudapi.com/"), settings.Endpoint);
        Assert.Equal("zone-2noz78a8ev6k", settings.ZoneId);
        Assert.False(settings.AreaIgnored);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2noz78a8ev6k")]
    [InlineData("zone-")]
    [InlineData("zone-2noz/78")]
    [InlineData("site-2noz78a8ev6k")]
    public void EdgeOne_WithoutAWellFormedZoneId_IsQcdn1012(string? zoneId)
    {
        var error = Assert.Throws<CdnRefreshException>(() =>
            TaskParameters.Parse(("PublishDir", _temp.Path), ("BaseUrl", "https://www.example.com/"), ("Api", "edgeone"), ("ZoneId", zoneId)));

        Assert.Equal("QCDN1012", error.Code);
        Assert.Contains("CdnRefreshZoneId", error.Message);
    }

    [Fact]
    public void EdgeOne_WithAnArea_MarksTheAreaIgnored()
    {
        var settings = TaskParameters.Parse(("PublishDir", _temp.Path), ("BaseUrl", "https://www.example.com/"), ("Api", "edgeone"), ("ZoneId", "zone-abc123"), ("Area", "mainland"));

        Assert.True(settings.AreaIgnored);
    }

    [Fact]
    public void V3_IgnoresTheZoneId()
    {
        var settings = TaskParameters.Parse(("PublishDir", _temp.Path), ("BaseUrl", "https://www.example.com/"), ("ZoneId", "not a zone"), ("Area", "mainland"));

        Assert.Null(settings.ZoneId);
        Assert.False(settings.AreaIgnored);
    }
}
