using System;
using System.IO;
using System.Runtime.InteropServices;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests;

/// <summary>A fact that needs Linux (and, when named, a Linux tool): elsewhere it is reported as skipped, not as passed.</summary>
public sealed class LinuxOnlyFactAttribute : FactAttribute
{
    public LinuxOnlyFactAttribute(string? requiredTool = null)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            Skip = "needs Linux";
        }
        else if (requiredTool is not null && !File.Exists(requiredTool))
        {
            Skip = "needs " + requiredTool;
        }
    }

    /// <summary>Skips under Mono, whose <c>FileShare.None</c> takes no <c>flock</c>: it excludes within the process only.</summary>
    public bool NeedsFlockForFileShare
    {
        get => false;
        set
        {
            if (value && Skip is null && Type.GetType("Mono.Runtime") is not null)
            {
                Skip = "Mono's FileShare.None takes no flock";
            }
        }
    }
}
