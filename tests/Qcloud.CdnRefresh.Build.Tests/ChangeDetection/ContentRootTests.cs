using System.IO;
using Qcloud.CdnRefresh.Build.ChangeDetection;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ChangeDetection;

public sealed class ContentRootTests
{
    [Fact]
    public void Resolve_PublishWithWwwroot_ReturnsWwwroot()
    {
        using var publish = new TempDirectory();
        var wwwroot = publish.CreateFolder("wwwroot");

        Assert.Equal(wwwroot, ContentRoot.Resolve(publish.Path, null));
    }

    [Fact]
    public void Resolve_PublishWithoutWwwroot_ReturnsPublishFolder()
    {
        using var publish = new TempDirectory();
        publish.Write("index.html");

        Assert.Equal(publish.Path, ContentRoot.Resolve(publish.Path + Path.DirectorySeparatorChar, ""));
    }

    [Fact]
    public void Resolve_ExplicitContentRoot_WinsOverWwwroot()
    {
        using var publish = new TempDirectory();
        publish.CreateFolder("wwwroot");
        var site = publish.CreateFolder("site/public");

        Assert.Equal(site, ContentRoot.Resolve(publish.Path, "site/public/"));
    }

    [Fact]
    public void Resolve_MissingPublishFolder_ThrowsPublishDirMissing()
    {
        using var temp = new TempDirectory();
        var missing = temp.FullPath("nope");

        var error = Assert.Throws<CdnRefreshException>(() => ContentRoot.Resolve(missing, null));

        Assert.Equal("QCDN1010", error.Code);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Resolve_MissingExplicitContentRoot_ThrowsContentRootMissingNamingIt()
    {
        using var publish = new TempDirectory();

        var error = Assert.Throws<CdnRefreshException>(() => ContentRoot.Resolve(publish.Path, "public"));

        Assert.Equal("QCDN1011", error.Code);
        Assert.Contains("CdnRefreshContentRoot 'public'", error.Message);
    }
}
