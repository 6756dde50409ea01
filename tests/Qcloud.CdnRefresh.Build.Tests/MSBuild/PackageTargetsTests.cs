using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Evaluation;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.MSBuild;

/// <summary>
/// Evaluates a project that imports the package's .props and .targets from this repository, and reads what the
/// <c>CdnRefresh</c> target would pass to the task: the knobs whose defaults the task holds arrive empty.
/// </summary>
public sealed class PackageTargetsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ProjectCollection _projects = new();

    public void Dispose()
    {
        _projects.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void WithNothingSet_TheTaskGetsEmptyKnobs_AndOnlyTheMSBuildDefaults()
    {
        var parameters = TaskParameters(new Dictionary<string, string>());

        Assert.Equal("index.html", parameters["DirectoryIndex"]);
        Assert.Equal(_temp.FullPath("obj/cdn-refresh/site.manifest.json"), parameters["Manifest"]);
        Assert.Equal(_temp.Path + Path.DirectorySeparatorChar, parameters["PublishDir"]);
        var empty = new[]
        {
            "AddedFiles", "Api", "Area", "BaseUrl", "BaselineUrl", "BatchSize", "ContentRoot", "ContinueOnApiError", "DailyQuota",
            "DryRun", "Endpoint", "Exclude", "ExcludePatterns", "MaxRetries", "OverQuota", "PublishManifest", "Report",
            "SecretPropertyNames", "SignatureMethod", "SkipImmutable", "Timeout", "Wait", "WaitTimeout", "WithoutBaseline", "ZoneId",
        };
        Assert.Equal(empty, parameters.Where(p => p.Value.Length == 0).Select(p => p.Key).OrderBy(name => name, StringComparer.Ordinal));
    }

    [Fact]
    public void TheEndpointsFile_IsTheAppsOwn_InThePublishFolder()
    {
        var parameters = TaskParameters(new Dictionary<string, string> { ["AssemblyName"] = "Shop.Web" });

        Assert.Equal(_temp.FullPath("Shop.Web.staticwebassets.endpoints.json"), parameters["EndpointsFile"]);
    }

    [Fact]
    public void WithNothingSet_TheTargetIsOff_AndRunsAfterPublish()
    {
        var project = Evaluate(new Dictionary<string, string>());

        Assert.Equal(("false", "Publish"), (project.GetPropertyValue("CdnRefresh"), project.GetPropertyValue("CdnRefreshAfterTargets")));
    }

    [Fact]
    public void AnExplicitlyEmptyDirectoryIndex_StaysEmpty()
    {
        var parameters = TaskParameters(new Dictionary<string, string> { ["CdnRefreshDirectoryIndex"] = string.Empty });

        Assert.Equal(string.Empty, parameters["DirectoryIndex"]);
    }

    [Fact]
    public void AKnobSetByTheUser_ReachesTheTaskUnchanged()
    {
        var parameters = TaskParameters(new Dictionary<string, string> { ["CdnRefreshBatchSize"] = " 250 " });

        Assert.Equal(" 250 ", parameters["BatchSize"]);
    }

    /// <summary>The task's parameters in the <c>CdnRefresh</c> target, expanded against the evaluated project.</summary>
    private Dictionary<string, string> TaskParameters(IDictionary<string, string> globalProperties)
    {
        var project = Evaluate(globalProperties);
        var instance = project.CreateProjectInstance();
        var task = instance.Targets["CdnRefresh"].Tasks.Single(t => t.Name == "RefreshCdnOversea");
        return task.Parameters.ToDictionary(p => p.Key, p => instance.ExpandString(p.Value));
    }

    private Project Evaluate(IDictionary<string, string> globalProperties)
    {
        var build = Path.Combine(RepositoryRoot(), "build");
        var xml = $"""
            <Project>
              <Import Project="{build}/Qcloud.CdnRefresh.Build.props" />
              <PropertyGroup>
                <BaseIntermediateOutputPath>obj/</BaseIntermediateOutputPath>
                <PublishDir>{_temp.Path}/</PublishDir>
              </PropertyGroup>
              <Import Project="{build}/Qcloud.CdnRefresh.Build.targets" />
            </Project>
            """;
        return new Project(_temp.Write("site.proj", xml), globalProperties, toolsVersion: null, _projects);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "build", "Qcloud.CdnRefresh.Build.targets")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No build/Qcloud.CdnRefresh.Build.targets above {AppContext.BaseDirectory}.");
    }
}
