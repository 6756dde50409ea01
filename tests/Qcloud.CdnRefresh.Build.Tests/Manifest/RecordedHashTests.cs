using Qcloud.CdnRefresh.Build.Manifest;
using Xunit;
using static Qcloud.CdnRefresh.Build.Tests.Manifest.ManifestTestData;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

/// <summary>When a manifest's recorded hash stands for a file without reading it: same size and same last write time.</summary>
public class RecordedHashTests
{
    [Fact]
    public void SameSizeAndTime_GivesTheRecordedHash()
    {
        var recorded = File("a.css");

        var hash = ManifestOf(recorded).HashIfUnchanged("a.css", recorded.Size, recorded.LastWriteTimeUtc);

        Assert.Equal(recorded.Sha256, hash);
    }

    [Fact]
    public void AnotherTime_GivesNone()
    {
        var recorded = File("a.css");

        Assert.Null(ManifestOf(recorded).HashIfUnchanged("a.css", recorded.Size, recorded.LastWriteTimeUtc.AddTicks(1)));
    }

    [Fact]
    public void AnotherSize_GivesNone()
    {
        var recorded = File("a.css");

        Assert.Null(ManifestOf(recorded).HashIfUnchanged("a.css", recorded.Size + 1, recorded.LastWriteTimeUtc));
    }

    [Fact]
    public void APathInAnotherCase_GivesNone()
    {
        var recorded = File("a.css");

        Assert.Null(ManifestOf(recorded).HashIfUnchanged("A.css", recorded.Size, recorded.LastWriteTimeUtc));
    }
}
