using System;
using System.Buffers.Binary;
using System.IO;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>
/// A publish tree of pseudo-random files shaped like a site: folders of 50 files, an index.html in each, a mix of
/// extensions and some precompressed <c>.gz</c> siblings. Sizes are log-uniform, 1 KB to 64 KB for most files and
/// 64 KB to 4 MB for 0.6% of them: about 21 KB a file on average, so 50,000 files make about 1 GB.
/// </summary>
internal sealed class SyntheticTree
{
    private const int Kilobyte = 1024;
    private const int SmallMax = 64 * Kilobyte;
    private const int LargeMax = 4 * 1024 * Kilobyte;
    private const double LargeShare = 0.006;
    private const int FilesPerFolder = 50;
    private static readonly string[] Extensions = { ".html", ".css", ".js", ".png", ".svg", ".woff2", ".webp", ".json" };

    private SyntheticTree(string root, int fileCount, long totalBytes)
    {
        Root = root;
        FileCount = fileCount;
        TotalBytes = totalBytes;
    }

    public string Root { get; }

    public int FileCount { get; }

    public long TotalBytes { get; }

    /// <summary>Writes <paramref name="fileCount"/> files under <paramref name="root"/>; the same seed gives the same tree.</summary>
    public static SyntheticTree Generate(string root, int fileCount, int seed)
    {
        var random = new Random(seed);

        // Every file is a slice of one random pool behind an 8-byte header with its number, so all contents differ
        // and generating 1 GB costs little more than writing it.
        var pool = new byte[2 * LargeMax];
        random.NextBytes(pool);
        var header = new byte[sizeof(long)];
        var totalBytes = 0L;

        for (var index = 0; index < fileCount; index++)
        {
            var path = Path.Combine(root, RelativePathOf(index));
            if (index % FilesPerFolder == 0)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            }

            var size = NextSize(random);
            BinaryPrimitives.WriteInt64LittleEndian(header, index);
            using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, preallocationSize: size);
            RandomAccess.Write(handle, header, fileOffset: 0);
            RandomAccess.Write(handle, pool.AsSpan(random.Next(LargeMax), size - header.Length), fileOffset: header.Length);
            totalBytes += size;
        }

        return new SyntheticTree(root, fileCount, totalBytes);
    }

    private static string RelativePathOf(int index)
    {
        var folder = index / FilesPerFolder;
        var folderPath = Path.Combine("section" + (folder / 20).ToString("D3"), "group" + (folder % 20).ToString("D2"));
        var inFolder = index % FilesPerFolder;
        if (inFolder == 0)
        {
            return Path.Combine(folderPath, "index.html");
        }

        // Every tenth file is the precompressed sibling of the one before it (which then counts as its source).
        var name = inFolder % 10 == 9
            ? "asset" + (index - 1).ToString("D6") + Extensions[(index - 1) % Extensions.Length] + ".gz"
            : "asset" + index.ToString("D6") + Extensions[index % Extensions.Length];
        return Path.Combine(folderPath, name);
    }

    private static int NextSize(Random random)
    {
        var (min, max) = random.NextDouble() < LargeShare ? (SmallMax, LargeMax) : (Kilobyte, SmallMax);
        var logSize = Math.Log(min) + (random.NextDouble() * (Math.Log(max) - Math.Log(min)));
        return (int)Math.Clamp(Math.Exp(logSize), min, max);
    }
}
