using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Qcloud.CdnRefresh.Build.ChangeDetection;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ChangeDetection;

/// <summary>
/// <see cref="GlobMatcher"/> stands in for the anchored, case-sensitive regular expression of a glob: for every glob and
/// text here both must agree, line feeds and the odd corners of <c>$</c> and <c>.</c> included.
/// </summary>
public sealed class GlobMatcherTests
{
    private static readonly string[] Patterns =
    {
        "*", "**", "*/", "?", "a", "a*", "*a", "*.map", "**/x", "x/**", "x/", "a/**/b", "a/**/**/b", "**/**",
        "a**b", "**a", "a**", "*/*", "?/?", "a?b*c", "web.config", "*.pdb", "appsettings*.json", "/cdn-refresh-manifest.json",
        "**/drafts/*", "uploads/**", "a\\*.txt", "./a/*.txt", "[ab].txt", "(a|b)", "a.b", "a+b", "a$", "^a", "{x}", "a b",
        "*\n", "a\nb", "**/\n/*", "a/*/b/**", "*.*", "??", "***", "a***b", "/**/", "**/a/**",
    };

    private static readonly string[] Texts =
    {
        "", "a", "b", "ab", "a/b", "a/x/b", "a/x/y/b", "a/b/", "/a", "a//b", "x", "x/", "x/y", "x/y/z", "y/x", "web.config",
        "web.config\n", "web.config\n\n", "\nweb.config", "app.pdb", "dir/app.pdb", "appsettings.Production.json",
        "cdn-refresh-manifest.json", "drafts/a.html", "q/drafts/a.html", "uploads/2024/a.jpg", "uploadsx/a.jpg", "a*.txt",
        "a/b.txt", "[ab].txt", "a.txt", "(a|b)", "a", "axb", "a+b", "aab", "a$", "^a", "{x}", "a b", "\n", "a\n", "a\nb",
        "a\n/b", "x\n/\n/y", "a/\n/b", "a\n", "\n\n", "ab.c", ".c", "a.b.c", "a/b/c/d", "é/ü", "a\u0000b", "a\r\nb",
        "a/b\n", "x/y\n", "x\n", "a/c/b", "a/b/b", "aXb", "a/", "/", "//",
    };

    public static IEnumerable<object[]> Globs() => Patterns.Select(pattern => new object[] { pattern });

    [Fact]
    public void A_pattern_of_only_a_slash_matches_nothing_and_is_dropped()
    {
        Assert.Null(GlobPattern.Parse("/"));
    }

    [Theory]
    [MemberData(nameof(Globs))]
    public void Matches_as_the_anchored_regular_expression_does(string pattern)
    {
        var glob = GlobPattern.Parse(pattern);
        Assert.NotNull(glob);

        var regex = new Regex("^(?:(?:" + glob.RegexBody + "))$", GlobPattern.RegexOptionsFor(ignoreCase: false));
        var matcher = new GlobMatcher(glob);
        foreach (var text in Texts.Concat(Texts.SelectMany(a => Texts.Take(20).Select(b => a + "/" + b))))
        {
            Assert.True(regex.IsMatch(text) == matcher.IsMatch(text.AsSpan()), $"'{pattern}' on '{Escape(text)}': regex {regex.IsMatch(text)}");
        }
    }

    private static string Escape(string text) => text.Replace("\n", "\\n").Replace("\r", "\\r").Replace("\0", "\\0");
}
