using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Manifest;
using Xunit;
using static Qcloud.CdnRefresh.Build.Tests.Manifest.ManifestTestData;

using Site = Qcloud.CdnRefresh.Build.Mapping.BaseUrl;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

public class ManifestStoreTests
{
    [Fact]
    public void A_missing_file_is_no_baseline_without_a_warning()
    {
        using var temp = new TempDirectory();

        var result = ManifestStore.Load(temp.Combine("no", "such", "manifest.json"), Sites);

        Assert.Null(result.Baseline);
        Assert.Empty(result.Warnings);
        Assert.Empty(result.Messages);
    }

    [Fact]
    public void Save_creates_the_folder_and_load_reads_it_back()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("obj", "Release", "cdn-refresh.json");
        var manifest = ManifestOf(new[] { File("a.css"), File("b.js") }, Url("c.png"));

        ManifestStore.Save(path, manifest);
        var result = ManifestStore.Load(path, Sites);

        Assert.Empty(result.Warnings);
        Assert.True(result.Baseline!.HasSameContentAs(manifest));
    }

    [Fact]
    public void Save_replaces_the_old_file_and_leaves_no_temporary_file()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("manifest.json");
        ManifestStore.Save(path, ManifestOf(File("old.css")));

        ManifestStore.Save(path, ManifestOf(File("new.css")));

        Assert.Equal("new.css", Assert.Single(ManifestStore.Load(path, Sites).Baseline!.Files).RelativePath);
        Assert.Equal(new[] { path }, Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void A_failed_write_throws_ManifestWriteFailed_naming_the_path_and_keeps_the_old_file()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("manifest.json");
        ManifestStore.Save(path, ManifestOf(File("old.css")));
        var before = System.IO.File.ReadAllBytes(path);

        // A directory where the temporary file should go makes the write fail even when running as root.
        var blocked = temp.Combine("blocked.tmp");
        Directory.CreateDirectory(blocked);
        var exception = Assert.Throws<CdnRefreshException>(() => ManifestStore.Save(path, ManifestOf(File("new.css")), _ => blocked));

        Assert.Equal("QCDN2104", exception.Code);
        Assert.Contains(path, exception.Message);
        Assert.Equal(before, System.IO.File.ReadAllBytes(path));
    }

    [Fact]
    public void A_failed_move_keeps_the_target_and_removes_the_temporary_file()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("manifest.json");
        Directory.CreateDirectory(path);

        var exception = Assert.Throws<CdnRefreshException>(() => ManifestStore.Save(path, ManifestOf(File("a.css"))));

        Assert.Equal("QCDN2104", exception.Code);
        Assert.True(Directory.Exists(path));
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void A_corrupt_file_on_disk_is_a_warning_and_no_baseline()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("manifest.json");
        System.IO.File.WriteAllText(path, "{\"version\":1,\"baseUrl\":\"https://www.exa");

        var result = ManifestStore.Load(path, Sites);

        Assert.Null(result.Baseline);
        Assert.Equal("QCDN2101", Assert.Single(result.Warnings).Code);
        Assert.Contains(path, result.Warnings[0].Message);
    }

    [Fact]
    public void WritePublished_writes_cdn_refresh_manifest_json_into_the_content_root()
    {
        using var temp = new TempDirectory();
        var contentRoot = temp.Combine("publish", "wwwroot");
        var manifest = ManifestOf(File("index.html"));

        var written = ManifestStore.WritePublished(contentRoot, manifest);

        Assert.Equal(Path.Combine(contentRoot, "cdn-refresh-manifest.json"), written);
        Assert.Equal(ManifestWriter.Serialize(manifest), System.IO.File.ReadAllBytes(written));
    }

    [Fact]
    public void Concurrent_load_modify_save_cycles_under_the_lock_lose_no_update()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("manifest.json");
        const int Writers = 12;

        // Threads of their own, released together: the writers contend for the lock however busy the thread pool is.
        using var start = new Barrier(Writers);
        var writers = Enumerable.Range(0, Writers).Select(writer => new Thread(() =>
        {
            start.SignalAndWait();
            using (ManifestLock.Acquire(path, TimeSpan.FromSeconds(30), CancellationToken.None))
            {
                var files = ManifestStore.Load(path, Sites).Baseline?.Files ?? Array.Empty<ManifestFile>();
                Thread.Sleep(2);
                ManifestStore.Save(path, ManifestOf(files.Append(File($"writer-{writer}.css")).ToArray()));
            }
        })).ToList();
        writers.ForEach(thread => thread.Start());
        writers.ForEach(thread => thread.Join());

        var result = ManifestStore.Load(path, Sites);
        Assert.Empty(result.Warnings);
        Assert.Equal(
            Enumerable.Range(0, Writers).Select(writer => $"writer-{writer}.css").OrderBy(p => p, StringComparer.Ordinal),
            result.Baseline!.Files.Select(f => f.RelativePath));
    }

    [Fact]
    public async Task Readers_racing_unlocked_saves_only_ever_see_a_whole_manifest()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("manifest.json");
        var big = ManifestOf(Enumerable.Range(0, 2000).Select(i => File($"f{i}.js")).ToArray());
        var small = ManifestOf(File("only.js"));
        ManifestStore.Save(path, small);
        using var stop = new CancellationTokenSource();

        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 40; i++)
            {
                ManifestStore.Save(path, i % 2 == 0 ? big : small);
            }

            stop.Cancel();
        });
        var reads = 0;
        while (!stop.IsCancellationRequested)
        {
            var result = ManifestStore.Load(path, Sites);
            Assert.Empty(result.Warnings);
            Assert.Contains(result.Baseline!.Files.Count, new[] { 1, 2000 });
            reads++;
        }

        await writer;
        Assert.True(reads > 0);
    }

    [Fact]
    public void Loading_reads_utf8_names_written_by_save()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("manifest.json");
        ManifestStore.Save(path, ManifestOf(File("图片/标志 1.png")));

        Assert.Contains("\\u56FE", Encoding.UTF8.GetString(System.IO.File.ReadAllBytes(path)));
        Assert.Equal("图片/标志 1.png", ManifestStore.Load(path, Sites).Baseline!.Files[0].RelativePath);
    }
}
