using System.Text;
using Qcloud.CdnRefresh.Build.Manifest;
using Xunit;
using static Qcloud.CdnRefresh.Build.Tests.Manifest.ManifestTestData;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

/// <summary>
/// <c>CdnRefreshSkipImmutable</c> in the plan: files marked immutable (fingerprinted assets) are left alone, changed or
/// deleted; the other changes are planned as always.
/// </summary>
public sealed class ImmutablePlanningTests
{
    private static ManifestFile Immutable(string path, string content = "v0", string? urlPath = null) =>
        new(path, Encoding.UTF8.GetByteCount(content), Sha256(content), Time, urlPath, immutable: true);

    private static RefreshPlan Plan(ManifestFile[] current, DeploymentManifest? baseline, bool skipImmutable = true) =>
        RefreshPlanner.Plan(current, baseline, addedFiles: false, WithoutBaselineMode.All, Sites, MapUrls, alsoOwed: null, skipImmutable);

    [Fact]
    public void AChangedImmutableFile_IsLeftAlone_AndTheOtherChangeIsRefreshed()
    {
        var baseline = ManifestOf(Immutable("_framework/app.wasm"), Immutable("_framework/app.wasm.br", urlPath: "_framework/app.wasm"), File("index.html"));
        var current = new[] { Immutable("_framework/app.wasm", "v1"), Immutable("_framework/app.wasm.br", "v1", "_framework/app.wasm"), File("index.html", "v1") };

        var plan = Plan(current, baseline);

        Assert.Equal(new[] { Url("index.html") }, plan.Urls);
        Assert.Equal(new[] { "_framework/app.wasm", "_framework/app.wasm.br" }, plan.ImmutableLeftAlone);
        Assert.Equal("3 files: 3 modified, 0 deleted, 0 added, 0 owed, 2 immutable left alone: 1 URLs", plan.Summary);
    }

    [Fact]
    public void ADeletedFile_IsRecognisedAsImmutable_ByItsBaselineEntry()
    {
        var baseline = ManifestOf(Immutable("_framework/app.abc123.wasm"), File("old.css"), File("index.html"));
        var current = new[] { Immutable("_framework/app.def456.wasm"), File("index.html", "v1") };

        var plan = Plan(current, baseline);

        Assert.Equal(new[] { Url("index.html"), Url("old.css") }, plan.Urls);
        Assert.Equal(new[] { "_framework/app.abc123.wasm" }, plan.ImmutableLeftAlone);
    }

    [Fact]
    public void WithoutBaseline_ImmutableFilesAreLeftAlone()
    {
        var plan = Plan(new[] { Immutable("_framework/app.wasm"), File("index.html") }, baseline: null);

        Assert.Equal(new[] { Url("index.html") }, plan.Urls);
        Assert.Equal("2 files, no baseline, 1 immutable left alone: 1 URLs", plan.Summary);
    }

    [Fact]
    public void WithSkipImmutableOff_ImmutableFilesAreRefreshedLikeAnyOther()
    {
        var baseline = ManifestOf(Immutable("_framework/app.abc123.wasm"), Immutable("lib.js"), File("index.html"));
        var current = new[] { Immutable("lib.js", "v1"), File("index.html", "v1") };

        var plan = Plan(current, baseline, skipImmutable: false);

        Assert.Equal(new[] { Url("_framework/app.abc123.wasm"), Url("index.html"), Url("lib.js") }, plan.Urls);
        Assert.Empty(plan.ImmutableLeftAlone);
        Assert.Equal("2 files: 2 modified, 1 deleted, 0 added, 0 owed: 3 URLs", plan.Summary);
    }

    [Fact]
    public void AnUnchangedImmutableFile_IsNotCountedAsLeftAlone()
    {
        var baseline = ManifestOf(Immutable("_framework/app.wasm"), File("index.html"));
        var current = new[] { Immutable("_framework/app.wasm"), File("index.html", "v1") };

        var plan = Plan(current, baseline);

        Assert.Empty(plan.ImmutableLeftAlone);
        Assert.Equal(new[] { Url("index.html") }, plan.Urls);
    }
}
