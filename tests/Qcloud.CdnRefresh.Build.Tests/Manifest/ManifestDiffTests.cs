using System;
using System.Collections.Generic;
using System.Linq;
using Qcloud.CdnRefresh.Build.Manifest;
using Xunit;
using static Qcloud.CdnRefresh.Build.Tests.Manifest.ManifestTestData;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

public class ManifestDiffTests
{
    private static IEnumerable<string> Paths(IEnumerable<ManifestFile> files) => files.Select(f => f.RelativePath);

    [Fact]
    public void A_different_hash_is_modified()
    {
        var changes = ManifestDiff.Compute(new[] { File("a.css", "v1") }, ManifestOf(File("a.css", "v0")));

        Assert.Equal(new[] { "a.css" }, Paths(changes.Modified));
        Assert.Empty(changes.Added);
        Assert.Empty(changes.Deleted);
    }

    [Fact]
    public void A_different_size_with_the_same_hash_is_modified()
    {
        var before = File("a.css");
        var now = new ManifestFile("a.css", before.Size + 1, before.Sha256, before.LastWriteTimeUtc);

        Assert.Single(ManifestDiff.Compute(new[] { now }, ManifestOf(before)).Modified);
    }

    [Fact]
    public void Same_size_and_hash_is_unchanged_even_with_a_new_timestamp()
    {
        var before = File("a.css");
        var touched = new ManifestFile("a.css", before.Size, before.Sha256, before.LastWriteTimeUtc.AddDays(1));

        var changes = ManifestDiff.Compute(new[] { touched }, ManifestOf(before));

        Assert.Empty(changes.Modified);
        Assert.Empty(changes.Added);
        Assert.Empty(changes.Deleted);
    }

    [Fact]
    public void A_file_gone_from_the_baseline_is_deleted_and_keeps_its_recorded_url_path()
    {
        var changes = ManifestDiff.Compute(
            new[] { File("a.css") },
            ManifestOf(File("a.css"), File("a.css.gz", urlPath: "a.css"), File("old.js")));

        Assert.Equal(new[] { "a.css.gz", "old.js" }, Paths(changes.Deleted));
        Assert.Equal("a.css", changes.Deleted[0].UrlPath);
    }

    [Fact]
    public void A_new_path_is_added()
    {
        var changes = ManifestDiff.Compute(new[] { File("a.css"), File("new.js") }, ManifestOf(File("a.css")));

        Assert.Equal(new[] { "new.js" }, Paths(changes.Added));
    }

    [Fact]
    public void A_change_of_case_is_a_delete_and_an_add()
    {
        var changes = ManifestDiff.Compute(new[] { File("img/logo.png") }, ManifestOf(File("img/Logo.png")));

        Assert.Equal(new[] { "img/Logo.png" }, Paths(changes.Deleted));
        Assert.Equal(new[] { "img/logo.png" }, Paths(changes.Added));
        Assert.Empty(changes.Modified);
    }

    [Fact]
    public void Results_are_sorted_ordinally_whatever_the_input_order()
    {
        var changes = ManifestDiff.Compute(new[] { File("b"), File("a"), File("B"), File("_") }, ManifestOf());

        Assert.Equal(new[] { "B", "_", "a", "b" }, Paths(changes.Added));
    }

    [Fact]
    public void A_path_listed_twice_in_the_current_files_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => ManifestDiff.Compute(new[] { File("a"), File("a") }, ManifestOf()));
    }

    [Fact]
    public void Ten_thousand_files_in_reverse_order_are_diffed_exactly()
    {
        var baseline = Enumerable.Range(0, 10_000).Select(i => File($"assets/{i % 97}/file-{i}.js", $"v0-{i}")).ToList();
        var expectedModified = new List<string>();
        var expectedDeleted = new List<string>();
        var current = new List<ManifestFile>();
        for (var i = 0; i < baseline.Count; i++)
        {
            if (i % 100 == 7)
            {
                current.Add(File(baseline[i].RelativePath, $"v1-{i}"));
                expectedModified.Add(baseline[i].RelativePath);
            }
            else if (i % 250 == 3)
            {
                expectedDeleted.Add(baseline[i].RelativePath);
            }
            else
            {
                current.Add(baseline[i]);
            }
        }

        var expectedAdded = Enumerable.Range(0, 75).Select(i => $"new/{i}.css").ToList();
        current.AddRange(expectedAdded.Select(path => File(path)));
        current.Reverse();
        var manifest = ManifestOf(baseline.ToArray());

        var changes = ManifestDiff.Compute(current, manifest);

        Assert.Equal(expectedModified.OrderBy(p => p, StringComparer.Ordinal), Paths(changes.Modified));
        Assert.Equal(expectedDeleted.OrderBy(p => p, StringComparer.Ordinal), Paths(changes.Deleted));
        Assert.Equal(expectedAdded.OrderBy(p => p, StringComparer.Ordinal), Paths(changes.Added));
        Assert.Equal((100, 40, 75), (changes.Modified.Count, changes.Deleted.Count, changes.Added.Count));
    }
}
