using System;
using System.Runtime.InteropServices;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests;

/// <summary>A fact about the precompiled linux-x64 task assembly: elsewhere it is reported as skipped, not as passed.</summary>
public sealed class LinuxX64OnlyFactAttribute : FactAttribute
{
    public LinuxX64OnlyFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            Skip = "needs Linux on x64";
        }
    }
}
