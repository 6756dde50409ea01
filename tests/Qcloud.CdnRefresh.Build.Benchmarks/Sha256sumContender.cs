using System;
using System.Globalization;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>
/// GNU <c>sha256sum</c> over the same files on every core: <c>find -print0 | xargs -0 -P$(nproc) -n N sha256sum</c>.
/// </summary>
/// <remarks>
/// <c>-n</c> splits the files into at least 8 batches per core: without it xargs packs ~2,000 paths into one
/// command line, and a 1,000-file tree would be hashed by a single sha256sum on a single core.
/// </remarks>
internal static class Sha256sumContender
{
    private const string Script = "find \"$1\" -type f -print0 | xargs -0 -P\"$2\" -n\"$3\" sha256sum > /dev/null";

    public static bool IsAvailable => ProcessRunner.IsOnPath("sha256sum") && ProcessRunner.IsOnPath("xargs") && ProcessRunner.IsOnPath("bash");

    public static string Describe(SyntheticTree tree) =>
        $"find <tree> -type f -print0 | xargs -0 -P{Environment.ProcessorCount} -n{BatchSize(tree)} sha256sum > /dev/null";

    public static TimeSpan Run(SyntheticTree tree)
    {
        var cores = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture);
        var batch = BatchSize(tree).ToString(CultureInfo.InvariantCulture);
        return ProcessRunner.Run("bash", new[] { "-c", Script, "sha256sum-contender", tree.Root, cores, batch })
            .EnsureSucceeded("sha256sum")
            .Elapsed;
    }

    private static int BatchSize(SyntheticTree tree) =>
        Math.Max(1, (tree.FileCount + (8 * Environment.ProcessorCount) - 1) / (8 * Environment.ProcessorCount));
}
