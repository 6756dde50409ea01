using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using Qcloud.CdnRefresh.Build.ChangeDetection;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.ChangeDetection;

public sealed class FileHasherTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly ConcurrentDictionary<string, int> _opens = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData((1024 * 1024) + 1)]
    public void Hash_FileOfSize_EqualsSha256OfContents(int size)
    {
        var content = new byte[size];
        new Random(size).NextBytes(content);
        _root.Write("f.bin", content);

        var result = new FileHasher().Hash(Listed("f.bin"));

        Assert.Equal(Sha256Hex(content), Assert.Single(result.Sha256));
    }

    [Fact]
    public void Hash_FileThatGrewSinceListed_HashesAllOfIt()
    {
        _root.Write("grows.bin", new byte[10]);
        var listed = Listed("grows.bin");
        var grown = new byte[100_000];
        new Random(7).NextBytes(grown);
        _root.Write("grows.bin", grown);

        var result = new FileHasher().Hash(listed);

        Assert.Equal(Sha256Hex(grown), Assert.Single(result.Sha256));
    }

    [Fact]
    public void Hash_SmallFileReadToItsListedSize_IsNotReadAgainForTheEnd()
    {
        _root.Write("small.txt", new string('x', 100));
        var reads = 0;

        new FileHasher(path => new ReadHookStream(FileHasher.OpenForHashing(path), () => reads++)).Hash(Listed("small.txt"));

        Assert.Equal(1, reads);
    }

    [Fact]
    public void Hash_ManyFilesInParallel_ReadsEachOnceAndKeepsInputOrder()
    {
        var names = Enumerable.Range(0, 40).Select(i => $"f{i:D2}.txt").ToArray();
        foreach (var name in names)
        {
            _root.Write(name, new string('a', name.Length * 5000));
        }

        var result = new FileHasher(CountingOpen, maxDegreeOfParallelism: 4).Hash(Listed(names));

        Assert.Equal(names.Select(Sha256Of), result.Sha256);
        Assert.All(names, name => Assert.Equal(1, _opens[_root.FullPath(name)]));
        Assert.Equal(new HashingStats(40, 0, names.Sum(name => (long)name.Length * 5000)), result.Stats);
    }

    [Fact]
    public void Hash_ARecordedHash_IsReusedWithoutOpeningTheFile()
    {
        _root.Write("a.txt", "hello");

        var result = new FileHasher(CountingOpen).Hash(Listed("a.txt"), file => "recorded-hash");

        Assert.Equal("recorded-hash", Assert.Single(result.Sha256));
        Assert.Empty(_opens);
        Assert.Equal(new HashingStats(0, 1, 0), result.Stats);
    }

    [Fact]
    public void Hash_EachFilesRecordedHash_IsAskedForByThatFile()
    {
        _root.Write("a.txt", "hello");
        _root.Write("b.txt", "world");

        var result = new FileHasher(CountingOpen).Hash(Listed("a.txt", "b.txt"), file => file.RelativePath == "a.txt" ? "recorded-hash" : null);

        Assert.Equal(new[] { "recorded-hash", "486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7" }, result.Sha256);
        Assert.Equal(new[] { _root.FullPath("b.txt") }, _opens.Keys);
        Assert.Equal(new HashingStats(1, 1, 5), result.Stats);
    }

    [Fact]
    public void Hash_NoRecordedHash_ReadsTheFile()
    {
        _root.Write("a.txt", "hello");

        var result = new FileHasher(CountingOpen).Hash(Listed("a.txt"), file => null);

        Assert.Equal(Sha256Of("a.txt"), Assert.Single(result.Sha256));
        Assert.Equal(new HashingStats(1, 0, 5), result.Stats);
    }

    [Fact]
    public void Hash_OpenThrowsIOException_ThrowsFileUnreadableNamingRelativePath()
    {
        _root.Write("ok.txt");
        _root.Write("locked/busy.txt");
        var hasher = new FileHasher(path => path.EndsWith("busy.txt", StringComparison.Ordinal)
            ? throw new IOException("The process cannot access the file.")
            : FileHasher.OpenForHashing(path));

        var error = Assert.Throws<CdnRefreshException>(() => hasher.Hash(Listed("ok.txt", "locked/busy.txt")));

        Assert.Equal("QCDN2001", error.Code);
        Assert.Contains("'locked/busy.txt'", error.Message);
    }

    [Fact]
    public void Hash_OpenThrowsUnauthorizedAccess_ThrowsFileUnreadable()
    {
        _root.Write("secret.txt");
        var hasher = new FileHasher(_ => throw new UnauthorizedAccessException("Access denied."));

        var error = Assert.Throws<CdnRefreshException>(() => hasher.Hash(Listed("secret.txt")));

        Assert.Equal("QCDN2001", error.Code);
        Assert.Contains("'secret.txt'", error.Message);
    }

    [Fact]
    public void Hash_ReadFailsMidway_ThrowsFileUnreadable()
    {
        _root.Write("half.bin", new byte[200_000]);
        var reads = 0;
        var hasher = new FileHasher(path => new ReadHookStream(FileHasher.OpenForHashing(path), () =>
        {
            if (reads++ > 0)
            {
                throw new IOException("The device is not ready.");
            }
        }));

        var error = Assert.Throws<CdnRefreshException>(() => hasher.Hash(Listed("half.bin")));

        Assert.Equal("QCDN2001", error.Code);
    }

    [Fact]
    public void Hash_CancelledWhileReading_StopsBeforeRemainingFiles()
    {
        var names = Enumerable.Range(0, 50).Select(i => $"f{i:D2}.bin").ToArray();
        foreach (var name in names)
        {
            _root.Write(name, new byte[10]);
        }

        using var cancellation = new CancellationTokenSource();
        var hasher = new FileHasher(
            path =>
            {
                cancellation.Cancel();
                return CountingOpen(path);
            },
            maxDegreeOfParallelism: 1);

        Assert.ThrowsAny<OperationCanceledException>(() => hasher.Hash(Listed(names), cancellationToken: cancellation.Token));
        Assert.True(_opens.Count < names.Length, $"opened {_opens.Count} of {names.Length} files");
    }

    [Fact]
    public void Hash_AlreadyCancelled_OpensNothing()
    {
        _root.Write("a.txt");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new FileHasher(CountingOpen).Hash(Listed("a.txt"), cancellationToken: cancellation.Token));
        Assert.Empty(_opens);
    }

    private Stream CountingOpen(string fullPath)
    {
        _opens.AddOrUpdate(fullPath, 1, (_, count) => count + 1);
        return FileHasher.OpenForHashing(fullPath);
    }

    private string Sha256Of(string relativePath) =>
        Sha256Hex(File.ReadAllBytes(_root.FullPath(relativePath)));

    private static string Sha256Hex(byte[] content)
    {
        using var sha = SHA256.Create();
        return BitConverter.ToString(sha.ComputeHash(content)).Replace("-", "").ToLowerInvariant();
    }

    private IReadOnlyList<ListedFile> Listed(params string[] relativePaths) =>
        relativePaths.Select(relativePath =>
        {
            var info = new FileInfo(_root.FullPath(relativePath));
            return new ListedFile(relativePath, relativePath, info.FullName, info.Length, info.LastWriteTimeUtc);
        }).ToList();
}
