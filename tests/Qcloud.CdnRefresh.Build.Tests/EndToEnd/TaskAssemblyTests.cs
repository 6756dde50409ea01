using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using Xunit;
using Xunit.Abstractions;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// Which task assembly the package's .props picks, and whether the runtime really uses the precompiled code of the
/// linux-x64 copy: the JIT's own list of the methods it compiled during a real <c>dotnet publish</c> tells.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TaskAssemblyTests : EndToEndTest
{
    private const string AssemblyFileName = "Qcloud.CdnRefresh.Build.dll";

    /// <summary>PE machine of a ReadyToRun image for Linux x64: AMD64 with the Linux "OS override" bits.</summary>
    private const ushort LinuxX64ReadyToRunMachine = 0x8664 ^ 0x7B79;

    public TaskAssemblyTests(PackageFixture fixture, ITestOutputHelper output)
        : base(fixture, output)
    {
    }

    private string PackageFolder => Path.Combine(Fixture.PackagesFolder, PackageFixture.PackageId.ToLowerInvariant(), Fixture.Version.ToLowerInvariant());

    private string PortableAssembly => Path.Combine(PackageFolder, "tasks", "net8.0", AssemblyFileName);

    private string ReadyToRunAssembly => Path.Combine(PackageFolder, "tasks", "net10.0", "linux-x64", AssemblyFileName);

    /// <summary>The tests run on the SDK of global.json, .NET 10: the .props' runtime-version condition holds.</summary>
    [LinuxX64OnlyFact]
    public void OnLinuxX64_ThePropsPickTheReadyToRunCopy()
    {
        var project = NewProject("task-assembly-pick");

        var result = Logged(project.MSBuild(new[] { "-getProperty:CdnRefreshTaskAssembly" }, null));

        AssertSucceeded(result);
        Assert.Equal(Path.GetFullPath(ReadyToRunAssembly), Path.GetFullPath(result.Output.Trim()));
    }

    [Fact]
    public void ReadyToRunCopy_IsPrecompiledForLinuxX64()
    {
        // Restoring a project is what unpacks the package into the packages folder.
        NewProject("task-assembly-r2r-header");

        using var pe = new PEReader(File.OpenRead(ReadyToRunAssembly));

        Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "no ReadyToRun header");
        Assert.Equal(LinuxX64ReadyToRunMachine, (ushort)pe.PEHeaders.CoffHeader.Machine);
    }

    [Fact]
    public void PortableCopy_IsPlainIl()
    {
        // Restoring a project is what unpacks the package into the packages folder.
        NewProject("task-assembly-portable-header");

        using var pe = new PEReader(File.OpenRead(PortableAssembly));

        Assert.Equal(0, pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
        Assert.True((pe.PEHeaders.CorHeader.Flags & CorFlags.ILOnly) != 0, "not IL-only");
    }

    [LinuxX64OnlyFact]
    public void ReadyToRunCopy_RunsWithoutTheJitCompilingTheTaskCode()
    {
        var jitted = DryRunPublishJitting("task-assembly-r2r-jit", taskAssembly: null);

        // The MSBuild glue derives from MSBuild's own Task, whose layout belongs to the MSBuild that runs it: that code
        // is always compiled at run time, and its presence proves the list covers the process that ran the task.
        // Instantiations of generic code over framework structs are compiled at run time too. Nothing else should be.
        Assert.Contains(jitted, m => m.StartsWith("Qcloud.CdnRefresh.Build.MSBuild.RefreshCdnOversea:Execute(", StringComparison.Ordinal));
        var unexpected = jitted.Where(m => !m.StartsWith("Qcloud.CdnRefresh.Build.MSBuild.", StringComparison.Ordinal) && !IsGenericInstantiation(m)).ToList();
        Assert.True(unexpected.Count == 0, "compiled at run time:\n" + string.Join("\n", unexpected));
    }

    [Fact]
    public void PortableCopy_RunsADryRunPublish_TheJitCompilingTheTaskCode()
    {
        var jitted = DryRunPublishJitting("task-assembly-portable-jit", PortableAssembly);

        // The contrast that makes the test above mean something: the same list, from the same publish, is full of them.
        Assert.Contains(jitted, m => m.StartsWith("Qcloud.CdnRefresh.Build.Refresh.RefreshRun:", StringComparison.Ordinal));
        Assert.True(jitted.Count(m => !m.StartsWith("Qcloud.CdnRefresh.Build.MSBuild.", StringComparison.Ordinal)) > 100, string.Join("\n", jitted));
    }

    /// <summary>A generic type or method, told by a backtick or a type argument list before the parameters.</summary>
    private static bool IsGenericInstantiation(string method)
    {
        var name = method.Substring(0, method.IndexOf('(') is var open and >= 0 ? open : method.Length);
        return name.Contains('`') || name.Contains('[');
    }

    /// <summary>
    /// A dry-run publish in one process (<c>-m:1</c>) with the JIT writing every method it compiles to a file; returns
    /// the task assembly's methods it compiled first-hand. A null <paramref name="taskAssembly"/> keeps the one the package picks.
    /// </summary>
    private List<string> DryRunPublishJitting(string name, string? taskAssembly)
    {
        var project = NewProject(name);
        var jitLog = Path.Combine(project.Directory, "jit.txt");
        var arguments = new List<string> { "-m:1", "-p:CdnRefresh=true", "-p:CdnRefreshBaseUrl=" + BaseUrl, "-p:CdnRefreshDryRun=true" };
        if (taskAssembly is not null)
        {
            arguments.Add("-p:CdnRefreshTaskAssembly=" + taskAssembly);
        }

        var environment = new Dictionary<string, string>
        {
            ["DOTNET_JitStdOutFile"] = jitLog,
            ["DOTNET_JitDisasmSummary"] = "1",
        };
        var result = Logged(project.Publish(arguments, environment));

        AssertSucceeded(result);
        AssertOutputContains(result, "dry run, nothing sent");
        Assert.True(File.Exists(jitLog), "the JIT wrote no list; DOTNET_JitStdOutFile not honoured?");
        // First compilations only: precompiled code that runs hot is recompiled at Tier1 by design.
        const string Marker = "JIT compiled ";
        return File.ReadLines(jitLog)
            .Where(line => !line.Contains("Tier1", StringComparison.Ordinal))
            .Select(line => line.IndexOf(Marker, StringComparison.Ordinal) is var at and >= 0 ? line.Substring(at + Marker.Length) : string.Empty)
            .Where(method => method.StartsWith("Qcloud.CdnRefresh.Build.", StringComparison.Ordinal))
            .ToList();
    }
}
