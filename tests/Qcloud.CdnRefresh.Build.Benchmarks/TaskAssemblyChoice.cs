using System.IO;
using System.Reflection.PortableExecutable;
using Qcloud.CdnRefresh.Build.Refresh;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>Which task assembly each contender loads, for the report: the package's pick here, and the portable one.</summary>
/// <param name="Picked">What the package's .props picks for <c>dotnet msbuild</c> on this machine, or null without MSBuild.</param>
/// <param name="Portable">The package's portable (JIT-compiled) net8.0 assembly.</param>
/// <param name="PickedIsPrecompiled">The pick carries ReadyToRun code.</param>
/// <param name="PassIsPrecompiled">The assembly the fresh-process pass loads (next to this program) carries ReadyToRun code.</param>
internal sealed record TaskAssemblyChoice(string? Picked, string Portable, bool PickedIsPrecompiled, bool PassIsPrecompiled)
{
    public static TaskAssemblyChoice Determine(string workFolder)
    {
        var picked = TaskInMSBuildContender.IsAvailable ? new TaskInMSBuildContender(workFolder).PickedAssembly() : null;
        return new TaskAssemblyChoice(
            picked,
            Path.GetFullPath(TaskInMSBuildContender.PortableAssembly),
            picked is not null && IsPrecompiled(picked),
            IsPrecompiled(typeof(ContentScan).Assembly.Location));
    }

    public string Describe(bool precompiled) => precompiled ? "precompiled (ReadyToRun) linux-x64 copy" : "portable net8.0 copy (JIT-compiled)";

    private static bool IsPrecompiled(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        return pe.PEHeaders.CorHeader is { } cor && cor.ManagedNativeHeaderDirectory.Size > 0;
    }
}
