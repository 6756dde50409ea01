using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Release;

/// <summary>The release workflow's first step: the package version a pushed tag names, or a failure before anything is published.</summary>
public sealed class VersionFromTagTests
{
    [Theory]
    [InlineData("v0.1.0", "0.1.0")]
    [InlineData("v1.2.3", "1.2.3")]
    [InlineData("v10.20.30", "10.20.30")]
    [InlineData("v1.2.3-rc.1", "1.2.3-rc.1")]
    [InlineData("v1.0.0-alpha-2.beta", "1.0.0-alpha-2.beta")]
    [InlineData("refs/tags/v2.0.0", "2.0.0")]
    public void A_release_tag_gives_its_version(string tag, string version)
    {
        var (exitCode, output, error) = ScriptRunner.Run("version-from-tag.sh", RepositoryRoot.Path, tag);

        Assert.True(exitCode == 0, error);
        Assert.Equal(version + "\n", output);
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("v1.2")]
    [InlineData("v1.2.3.4")]
    [InlineData("v01.2.3")]
    [InlineData("v1.2.3-")]
    [InlineData("v1.2.3-rc.01")]
    [InlineData("v1.2.3+build.5")]
    [InlineData("v1.2.3 ")]
    [InlineData("release-1")]
    public void A_tag_that_is_no_package_version_fails_with_a_message_and_no_version(string tag)
    {
        var (exitCode, output, error) = ScriptRunner.Run("version-from-tag.sh", RepositoryRoot.Path, tag);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("is not a release tag", error);
    }
}
