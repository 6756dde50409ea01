using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Qcloud.CdnRefresh.Build.ChangeDetection;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ChangeDetection;

/// <summary>What the lister lists: relative paths, sizes and times, exclusions, and precompressed siblings.</summary>
public sealed class ContentFileListerTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void List_NestedFiles_ReturnsSlashSeparatedRelativePathsSortedOrdinally()
    {
        _root.Write("b.txt");
        _root.Write("a/Z.txt");
        _root.Write("a/b/c.txt");
        _root.Write("a-b.txt");
        _root.Write("B.txt");

        var paths = List().Select(file => file.RelativePath).ToArray();

        Assert.Equal(new[] { "B.txt", "a-b.txt", "a/Z.txt", "a/b/c.txt", "b.txt" }, paths);
    }

    [Fact]
    public void List_File_CarriesSizeAndLastWriteTimeFromDisk()
    {
        var fullPath = _root.Write("css/site.css", "body{}");
        var written = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(fullPath, written);

        var file = Assert.Single(List());

        Assert.Equal(6, file.Size);
        Assert.Equal(written, file.LastWriteTimeUtc);
        Assert.Equal(fullPath, file.FullPath);
        Assert.Equal("css/site.css", file.UrlPath);
    }

    [Fact]
    public void List_DotFiles_AreListed()
    {
        _root.Write(".well-known/security.txt");

        Assert.Equal(".well-known/security.txt", Assert.Single(List()).RelativePath);
    }

    [Theory]
    [InlineData("web.config")]
    [InlineData("sub/web.config")]
    [InlineData("bin/app.pdb")]
    [InlineData("appsettings.json")]
    [InlineData("appsettings.Production.json")]
    [InlineData("cdn-refresh-manifest.json")]
    public void List_DefaultExclusion_IsNotListed(string relativePath)
    {
        _root.Write(relativePath);
        _root.Write("kept.html");

        Assert.Equal("kept.html", Assert.Single(List()).RelativePath);
    }

    [Fact]
    public void List_PublishedManifestNameInSubfolder_IsListed()
    {
        _root.Write("data/cdn-refresh-manifest.json");

        Assert.Equal("data/cdn-refresh-manifest.json", Assert.Single(List()).RelativePath);
    }

    [Fact]
    public void List_ExcludedFullPath_IsNotListed()
    {
        var manifest = _root.Write("state/manifest.json");
        _root.Write("state/other.json");

        var files = new ContentFileLister(excludedFullPaths: new[] { manifest }).List(_root.Path);

        Assert.Equal("state/other.json", Assert.Single(files).RelativePath);
    }

    [Fact]
    public void List_UserGlobWithDoubleStar_ExcludesMatchesAtAnyDepth()
    {
        _root.Write("docs/a.pdf");
        _root.Write("docs/x/y/b.pdf");
        _root.Write("docs/x/c.html");
        _root.Write("other/d.pdf");

        var paths = List(new[] { "docs/**/*.pdf" }).Select(file => file.RelativePath);

        Assert.Equal(new[] { "docs/x/c.html", "other/d.pdf" }, paths);
    }

    [Fact]
    public void List_UserGlobWithoutSlash_MatchesFileNameInAnyFolder()
    {
        _root.Write("app.js.map");
        _root.Write("js/lib/app.js.map");
        _root.Write("js/lib/app.js");

        Assert.Equal("js/lib/app.js", Assert.Single(List(new[] { "*.map" })).RelativePath);
    }

    [Fact]
    public void List_PrecompressedSiblings_StandForTheirSourceUrlPath()
    {
        _root.Write("css/site.css");
        _root.Write("css/site.css.br");
        _root.Write("css/site.css.gz");

        var files = List();

        Assert.Equal(new[] { "css/site.css", "css/site.css.br", "css/site.css.gz" }, files.Select(file => file.RelativePath));
        Assert.All(files, file => Assert.Equal("css/site.css", file.UrlPath));
    }

    [Fact]
    public void List_PrecompressedSiblingInOtherCase_StandsForSourceAsSpelledOnDiskWhenCaseIsIgnored()
    {
        _root.Write("Site.css");
        _root.Write("site.css.br");

        var files = new ContentFileLister(ignoreCase: true).List(_root.Path);

        Assert.Equal(new[] { "Site.css", "Site.css" }, files.Select(file => file.UrlPath));
    }

    [Fact]
    public void List_PrecompressedSiblingInOtherCase_IsAnOrdinaryFileWhenCaseMatters()
    {
        _root.Write("Site.css");
        _root.Write("site.css.br");

        var files = new ContentFileLister(ignoreCase: false).List(_root.Path);

        Assert.Equal(new[] { "Site.css", "site.css.br" }, files.Select(file => file.UrlPath));
    }

    [Fact]
    public void List_GzWithoutSource_IsAnOrdinaryFile()
    {
        _root.Write("downloads/data.tar.gz");

        var file = Assert.Single(List());

        Assert.Equal("downloads/data.tar.gz", file.UrlPath);
    }

    [Fact]
    public void List_SiblingOfExcludedSource_IsExcludedToo()
    {
        _root.Write("app.pdb");
        _root.Write("app.pdb.gz");

        Assert.Empty(List());
    }

    private IReadOnlyList<ListedFile> List(string[]? excludes = null) =>
        new ContentFileLister(excludes).List(_root.Path);
}
