using System;
using System.Linq;
using Qcloud.CdnRefresh.Build.Manifest;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>
/// The baseline of a fresh CI checkout: the manifest of the previous deployment, in which 1% of the files had other
/// contents and every file another modification time (a checkout writes every file anew).
/// </summary>
internal static class BaselineBuilder
{
    public const double ChangedShare = 0.01;

    /// <param name="currentManifestPath">A manifest of the tree as it is (written by an in-process pass).</param>
    /// <param name="baselinePath">Where to write the baseline.</param>
    /// <param name="seed">Picks the changed files.</param>
    /// <returns>How many files the baseline records with other contents.</returns>
    public static int Write(string currentManifestPath, string baselinePath, int seed)
    {
        var current = ManifestStore.Load(currentManifestPath, new[] { Mapping.BaseUrl.Parse(ChangeDetectionPass.BaseUrlText) }).Baseline
            ?? throw new InvalidOperationException("The manifest of the generated tree could not be read back.");

        var random = new Random(seed);
        var changed = 0;
        var files = current.Files.Select(file =>
        {
            var isChanged = random.NextDouble() < ChangedShare;
            changed += isChanged ? 1 : 0;
            var sha256 = isChanged ? new string(file.Sha256.Reverse().ToArray()) : file.Sha256;
            return new ManifestFile(file.RelativePath, file.Size, sha256, file.LastWriteTimeUtc.AddHours(-1), file.UrlPath);
        }).ToList();

        ManifestStore.Save(baselinePath, new DeploymentManifest(current.BaseUrls, files, Array.Empty<string>(), DateTime.UtcNow.AddHours(-1)));
        return changed;
    }
}
