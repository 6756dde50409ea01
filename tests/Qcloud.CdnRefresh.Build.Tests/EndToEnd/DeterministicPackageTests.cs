using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>A CI build packs to the same task assemblies wherever the commit is checked out.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class DeterministicPackageTests : IDisposable
{
    private static readonly string[] PackageInputs = { "src/Qcloud.CdnRefresh.Build", "build", "README.md", "Directory.Build.props", "global.json" };

    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "qcdn-pack-" + Guid.NewGuid().ToString("N"))).FullName;
    private readonly ITestOutputHelper _output;

    public DeterministicPackageTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Two_checkouts_in_different_folders_pack_byte_identical_task_assemblies()
    {
        var first = Pack(Checkout("first"));
        var second = Pack(Checkout("second-checkout-elsewhere"));

        foreach (var assembly in new[] { "tasks/net8.0/Qcloud.CdnRefresh.Build.dll", "tasks/net472/Qcloud.CdnRefresh.Build.dll" })
        {
            Assert.Equal(Read(first, assembly), Read(second, assembly));
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>
    /// What packing needs of the repository, without build output, committed to a git repository of its own as a CI
    /// checkout is (the SDK maps source paths by the repository's root).
    /// </summary>
    private string Checkout(string name)
    {
        var checkout = Path.Combine(_root, name);
        foreach (var input in PackageInputs)
        {
            var source = Path.Combine(RepositoryRoot.Path, input);
            var target = Path.Combine(checkout, input);
            if (File.Exists(source))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
                .Where(file => !IsBuildOutput(Path.GetRelativePath(source, file))))
            {
                var copy = Path.Combine(target, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
        }

        Git(checkout, "init", "-q");
        Git(checkout, "add", "-A");
        Git(checkout, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "checkout");
        return checkout;
    }

    private static void Git(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardError = true };

        // One commit id for both checkouts, as two clones of one commit have: the SDK writes it into the assembly.
        start.Environment["GIT_AUTHOR_DATE"] = "2026-12-06T00:00:00Z";
        start.Environment["GIT_COMMITTER_DATE"] = "2026-12-06T00:00:00Z";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, "git " + string.Join(" ", arguments) + ": " + error);
    }

    private string Pack(string checkout)
    {
        var output = Path.Combine(checkout, "package");
        var result = DotNetCli.Run(checkout, new[]
        {
            "pack", "src/Qcloud.CdnRefresh.Build/Qcloud.CdnRefresh.Build.csproj", "-c", "Release", "-o", output,
            "-p:Version=1.2.3", "-p:ContinuousIntegrationBuild=true", "-nodeReuse:false", "-tl:off",
        });
        _output.WriteLine(result.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        return Assert.Single(Directory.GetFiles(output, "*.nupkg"));
    }

    private static byte[] Read(string package, string entryName)
    {
        using var zip = ZipFile.OpenRead(package);
        using var entry = zip.GetEntry(entryName)!.Open();
        using var bytes = new MemoryStream();
        entry.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static bool IsBuildOutput(string relativePath)
    {
        var first = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }
}
