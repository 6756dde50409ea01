using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Qcloud.CdnRefresh.Build.ChangeDetection;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ChangeDetection;

/// <summary>Symbolic links in the content root: followed inside it, refused (QCDN2002) when they lead out, never looping, dangling ones unreadable.</summary>
public sealed class ContentFileListerSymlinkTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void List_SymlinkedFileOutsideRoot_ThrowsNamingTheLink()
    {
        using var outside = new TempDirectory();
        var target = outside.Write("secret.txt");
        _root.CreateFolder("assets");
        FileLinks.ToFile(_root.FullPath("assets/leak.txt"), target);

        var error = Assert.Throws<CdnRefreshException>(() => List());

        Assert.Equal("QCDN2002", error.Code);
        Assert.Contains("'assets/leak.txt'", error.Message);
    }

    [Fact]
    public void List_SymlinkedFolderOutsideRoot_ThrowsNamingTheLink()
    {
        using var outside = new TempDirectory();
        outside.Write("lib/a.js");
        FileLinks.ToFolder(_root.FullPath("lib"), outside.FullPath("lib"));

        var error = Assert.Throws<CdnRefreshException>(() => List());

        Assert.Equal("QCDN2002", error.Code);
        Assert.Contains("'lib'", error.Message);
    }

    [Fact]
    public void List_RelativeSymlinkClimbingOutOfRoot_Throws()
    {
        using var outside = new TempDirectory();
        FileLinks.ToFile(_root.FullPath("up.txt"), "../" + Path.GetFileName(outside.Path) + "/" + Path.GetFileName(outside.Write("x.txt")));

        var error = Assert.Throws<CdnRefreshException>(() => List());

        Assert.Equal("QCDN2002", error.Code);
    }

    [Fact]
    public void List_SymlinkedFileInsideRoot_IsListedWithTargetSizeAndTime()
    {
        var target = _root.Write("real/logo.svg", "<svg/>");
        var written = new DateTime(2023, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(target, written);
        FileLinks.ToFile(_root.FullPath("logo.svg"), "real/logo.svg");

        var link = List().Single(file => file.RelativePath == "logo.svg");

        Assert.Equal(6, link.Size);
        Assert.Equal(written, link.LastWriteTimeUtc);
    }

    [Fact]
    public void List_SymlinkedFolderInsideRoot_IsFollowed()
    {
        _root.Write("v2/app.js");
        FileLinks.ToFolder(_root.FullPath("latest"), _root.FullPath("v2"));

        var paths = List().Select(file => file.RelativePath);

        Assert.Equal(new[] { "latest/app.js", "v2/app.js" }, paths);
    }

    [Fact]
    public void List_SymlinkToAncestorFolder_DoesNotLoop()
    {
        _root.Write("a/b/file.txt");
        FileLinks.ToFolder(_root.FullPath("a/b/up"), _root.FullPath("a"));

        var paths = List().Select(file => file.RelativePath);

        Assert.Equal(new[] { "a/b/file.txt" }, paths);
    }

    [Fact]
    public void List_DanglingSymlink_ThrowsFileUnreadableNamingIt()
    {
        FileLinks.ToFile(_root.FullPath("gone.txt"), _root.FullPath("missing.txt"));

        var error = Assert.Throws<CdnRefreshException>(() => List());

        Assert.Equal("QCDN2001", error.Code);
        Assert.Contains("'gone.txt'", error.Message);
    }

    [Fact]
    public void List_ExcludedSymlinkLeadingOutOfRoot_IsSkippedWithoutError()
    {
        using var outside = new TempDirectory();
        _root.Write("index.html");
        FileLinks.ToFile(_root.FullPath("leak.txt"), outside.Write("secret.txt"));

        var paths = List(excludes: new[] { "leak.txt" }).Select(file => file.RelativePath);

        Assert.Equal(new[] { "index.html" }, paths);
    }

    [Fact]
    public void List_SeveralDanglingSymlinks_NamesTheFirstInPathOrder()
    {
        foreach (var name in new[] { "d.txt", "b.txt", "c.txt" })
        {
            FileLinks.ToFile(_root.FullPath(name), _root.FullPath("missing-" + name));
        }

        var error = Assert.Throws<CdnRefreshException>(() => List());

        Assert.Contains("'b.txt'", error.Message);
    }

    [Fact]
    public void List_ContentRootReachedThroughSymlink_ListsWithoutEscapeError()
    {
        using var holder = new TempDirectory();
        _root.Write("index.html");
        var linkedRoot = holder.FullPath("site");
        FileLinks.ToFolder(linkedRoot, _root.Path);

        var files = new ContentFileLister().List(linkedRoot);

        Assert.Equal("index.html", Assert.Single(files).RelativePath);
    }

    private IReadOnlyList<ListedFile> List(string[]? excludes = null) =>
        new ContentFileLister(excludes).List(_root.Path);
}
