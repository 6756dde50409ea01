using System.IO;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Release;

/// <summary>The release notes: one version's section of the changelog, and no release without one.</summary>
public sealed class ChangelogSectionTests
{
    private const string Changelog = """
        # Changelog

        ## [Unreleased]

        ## [1.1.0] - 2027-01-02

        ### Fixed

        - One thing.

        ## [1.0.0] - 2026-12-24

        ### Added

        - Everything.

        [Unreleased]: https://example.com/compare/v1.1.0...HEAD
        [1.1.0]: https://example.com/compare/v1.0.0...v1.1.0
        """;

    [Theory]
    [InlineData("1.1.0", "### Fixed\n\n- One thing.\n")]
    [InlineData("1.0.0", "### Added\n\n- Everything.\n")]
    public void The_notes_are_the_lines_of_the_versions_section(string version, string notes)
    {
        using var folder = new TempDirectory();
        var path = folder.Write("CHANGELOG.md", Changelog.Replace("\r\n", "\n") + "\n");

        var (exitCode, output, error) = ScriptRunner.Run("changelog-section.sh", folder.Path, version, path);

        Assert.True(exitCode == 0, error);
        Assert.Equal(notes, output);
    }

    [Theory]
    [InlineData("Unreleased")]
    [InlineData("2.0.0")]
    [InlineData("1.1")]
    public void A_version_without_notes_fails_with_a_message(string version)
    {
        using var folder = new TempDirectory();
        var path = folder.Write("CHANGELOG.md", Changelog.Replace("\r\n", "\n") + "\n");

        var (exitCode, output, error) = ScriptRunner.Run("changelog-section.sh", folder.Path, version, path);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("has no notes under '## [" + version + "]'", error);
    }

    [Fact]
    public void The_repositorys_changelog_has_notes_for_0_1_0()
    {
        var (exitCode, output, error) = ScriptRunner.Run("changelog-section.sh", RepositoryRoot.Path, "0.1.0");

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("The first version.\n", output);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "CHANGELOG.md")));
    }
}
