using Qcloud.CdnRefresh.Build.ChangeDetection;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ChangeDetection;

public sealed class ExclusionRulesTests
{
    [Theory]
    [InlineData("*.map", "app.js.map", true)]
    [InlineData("*.map", "js/deep/app.js.map", true)]
    [InlineData("*.map", "map/app.js", false)]
    [InlineData("drafts", "a/drafts", true)]
    [InlineData("img/*.png", "img/a.png", true)]
    [InlineData("img/*.png", "img/x/a.png", false)]
    [InlineData("img/*.png", "other/img/a.png", false)]
    [InlineData("/robots.txt", "robots.txt", true)]
    [InlineData("/robots.txt", "sub/robots.txt", false)]
    [InlineData("**/drafts/*", "drafts/a.html", true)]
    [InlineData("**/drafts/*", "x/y/drafts/a.html", true)]
    [InlineData("a/**/b.txt", "a/b.txt", true)]
    [InlineData("a/**/b.txt", "a/x/y/b.txt", true)]
    [InlineData("a/**/b.txt", "ab.txt", false)]
    [InlineData("uploads/**", "uploads/2024/a.jpg", true)]
    [InlineData("uploads/", "uploads/a.jpg", true)]
    [InlineData("uploads/**", "uploadsx/a.jpg", false)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("file?.txt", "file10.txt", false)]
    [InlineData("a?b", "a/b", false)]
    [InlineData("a**b.txt", "a/x/b.txt", false)]
    [InlineData("a\\*.txt", "a/b.txt", true)]
    [InlineData("./a/*.txt", "a/b.txt", true)]
    [InlineData("[ab].txt", "[ab].txt", true)]
    [InlineData("[ab].txt", "a.txt", false)]
    [InlineData("*.txt", ".txt", true)]
    [InlineData("*", "a/b/c.txt", true)]
    [InlineData("**", "a/b/c.txt", true)]
    [InlineData("**", "index.html", true)]
    [InlineData("**/x", "x", true)]
    [InlineData("**/x", "a/b/x", true)]
    [InlineData("**/x", "ax", false)]
    [InlineData("x/**", "x/y/z", true)]
    [InlineData("x/**", "x", false)]
    [InlineData("*/*", "a/b", true)]
    [InlineData("*/*", "a/b/c", false)]
    [InlineData("a***b", "axyb", true)]
    [InlineData("a***b", "a/b", false)]
    [InlineData("a.b", "axb", false)]
    [InlineData("a+b", "aab", false)]
    [InlineData("a+b", "a+b", true)]
    [InlineData("(a|b)", "a", false)]
    [InlineData("(a|b)", "(a|b)", true)]
    [InlineData("^a$", "^a$", true)]
    [InlineData("{x}", "{x}", true)]
    public void IsExcluded_Glob_MatchesDocumentedSemantics(string pattern, string relativePath, bool excluded)
    {
        var rules = new ExclusionRules(new[] { pattern }, ignoreCase: false);

        Assert.Equal(excluded, rules.IsExcluded(relativePath));
    }

    [Fact]
    public void IsExcluded_CaseSensitiveMode_DoesNotMatchOtherCase()
    {
        var rules = new ExclusionRules(new[] { "*.MAP" }, ignoreCase: false);

        Assert.False(rules.IsExcluded("app.map"));
    }

    [Fact]
    public void IsExcluded_CaseInsensitiveMode_MatchesOtherCase()
    {
        var rules = new ExclusionRules(new[] { "Docs/*.MAP" }, ignoreCase: true);

        Assert.True(rules.IsExcluded("docs/app.map"));
    }

    [Fact]
    public void IsExcluded_CaseInsensitiveMode_MatchesFileNameInOtherCase()
    {
        var rules = new ExclusionRules(new[] { "*.MAP" }, ignoreCase: true);

        Assert.True(rules.IsExcluded("js/APP.map"));
    }

    [Fact]
    public void IsExcluded_CaseInsensitiveMode_MatchesDefaultExclusionInOtherCase()
    {
        var rules = new ExclusionRules(null, ignoreCase: true);

        Assert.True(rules.IsExcluded("Web.Config"));
    }

    [Fact]
    public void IsExcluded_ExcludedRelativePath_IsExcludedAloneAtThatPath()
    {
        var rules = new ExclusionRules(null, new[] { "state/manifest.json" }, ignoreCase: false);

        Assert.True(rules.IsExcluded("state/manifest.json"));
        Assert.False(rules.IsExcluded("other/state/manifest.json"));
    }

    [Fact]
    public void IsExcluded_BlankPattern_ExcludesNothingExtra()
    {
        var rules = new ExclusionRules(new[] { "", "  ", "/" }, ignoreCase: false);

        Assert.False(rules.IsExcluded("index.html"));
    }
}
