using System.Linq;
using System.Reflection;
using System.Runtime.Versioning;
using Qcloud.CdnRefresh.Build.Refresh;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.MSBuild;

/// <summary>CI runs the in-process tests against two builds of the task; each run must really load the one it asked for.</summary>
public class TaskBuildUnderTestTests
{
    [Fact]
    public void TheLoadedTaskAssembly_IsTheBuildTheTestsAskedFor()
    {
        var asked = typeof(TaskBuildUnderTestTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "TaskTargetFramework").Value;
        var loaded = typeof(RefreshRun).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;

        // "net10.0" asked, ".NETCoreApp,Version=v10.0" loaded.
        Assert.Equal(".NETCoreApp,Version=v" + asked!.Substring("net".Length), loaded);
    }
}
