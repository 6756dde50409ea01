using System;
using System.IO;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests;

/// <summary>A fact that needs Linux (and, when named, a Linux tool): elsewhere it is reported as skipped, not as passed.</summary>
public sealed class LinuxOnlyFactAttribute : FactAttribute
{
    public LinuxOnlyFactAttribute(string? requiredTool = null)
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux";
        }
        else if (requiredTool is not null && !File.Exists(requiredTool))
        {
            Skip = "needs " + requiredTool;
        }
    }
}
