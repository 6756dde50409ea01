using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace Qcloud.CdnRefresh.Build.Tests;

internal static class MSBuildLocatorInitializer
{
    // The MSBuild assemblies are referenced without their runtime files: the SDK's own copies must be found before
    // any test touches a Microsoft.Build type.
    [ModuleInitializer]
    internal static void Register()
    {
        if (!MSBuildLocator.IsRegistered)
        {
            MSBuildLocator.RegisterDefaults();
        }
    }
}
