using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Logging;
using Xunit;
using Xunit.Abstractions;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// Every knob of README's Properties table and the <c>CdnRefreshExclude</c> items, set in a real project and published
/// as a dry run; the binary log shows what the <c>RefreshCdnOversea</c> task received.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PropertyWiringTests : EndToEndTest
{
    public PropertyWiringTests(PackageFixture fixture, ITestOutputHelper output)
        : base(fixture, output)
    {
    }

    [Fact]
    public void EveryPropertyAndExcludeItem_ReachesItsTaskParameter()
    {
        var project = NewProject("wiring");
        var taskCopy = CopyOfPackedTask(project);
        var baselineUrl = new Uri(Server.V2Endpoint, "/site/cdn-refresh-manifest.json").ToString();
        project.WriteFile(ThrowawayWebProject.ProjectName + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <CdnRefresh>true</CdnRefresh>
                <CdnRefreshBaseUrl>https://www.example.com/app/</CdnRefreshBaseUrl>
                <CdnRefreshApi>v2</CdnRefreshApi>
                <CdnRefreshArea>mainland</CdnRefreshArea>
                <CdnRefreshEndpoint>{Server.V2Endpoint}</CdnRefreshEndpoint>
                <CdnRefreshSignatureMethod>HmacSHA256</CdnRefreshSignatureMethod>
                <CdnRefreshBatchSize>7</CdnRefreshBatchSize>
                <CdnRefreshDailyQuota>123</CdnRefreshDailyQuota>
                <CdnRefreshDryRun>true</CdnRefreshDryRun>
                <CdnRefreshContentRoot>wwwroot</CdnRefreshContentRoot>
                <CdnRefreshManifest>state/site.manifest.json</CdnRefreshManifest>
                <CdnRefreshBaselineUrl>{baselineUrl}</CdnRefreshBaselineUrl>
                <CdnRefreshPublishManifest>true</CdnRefreshPublishManifest>
                <CdnRefreshWithoutBaseline>all</CdnRefreshWithoutBaseline>
                <CdnRefreshAddedFiles>true</CdnRefreshAddedFiles>
                <CdnRefreshDirectoryIndex>default.htm</CdnRefreshDirectoryIndex>
                <CdnRefreshContinueOnError>true</CdnRefreshContinueOnError>
                <CdnRefreshMaxRetries>5</CdnRefreshMaxRetries>
                <CdnRefreshTimeout>17</CdnRefreshTimeout>
                <CdnRefreshReport>out/report.json</CdnRefreshReport>
                <CdnRefreshOverQuota>directory</CdnRefreshOverQuota>
                <CdnRefreshWait>true</CdnRefreshWait>
                <CdnRefreshWaitTimeout>42</CdnRefreshWaitTimeout>
                <CdnRefreshExcludePatterns>**/*.map;docs/**</CdnRefreshExcludePatterns>
                <CdnRefreshSkipImmutable>false</CdnRefreshSkipImmutable>
                <CdnRefreshAfterTargets>SiteDeployed</CdnRefreshAfterTargets>
                <CdnRefreshTaskAssembly>{taskCopy}</CdnRefreshTaskAssembly>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageFixture.PackageId}" Version="{Fixture.Version}" PrivateAssets="all" />
                <CdnRefreshExclude Include="js/%2A.js" />
                <CdnRefreshExclude Include="css/site.css" />
              </ItemGroup>
            </Project>
            """);
        // Imported after the package's targets: with CdnRefreshAfterTargets left at Publish, CdnRefresh would run first.
        project.WriteFile("Directory.Build.targets", """
            <Project>
              <Target Name="SiteDeployed" AfterTargets="Publish" />
            </Project>
            """);
        var binlog = Path.Combine(project.Directory, "publish.binlog");

        var result = Logged(project.Publish(new[] { "-bl:" + binlog }, environment: null));

        AssertSucceeded(result);
        var log = BinaryLog.Read(binlog);
        var expected = new Dictionary<string, string>
        {
            ["PublishDir"] = Path.Combine(project.Directory, "bin", "Release", "net10.0", "publish") + Path.DirectorySeparatorChar,
            ["ContentRoot"] = "wwwroot",
            ["BaseUrl"] = "https://www.example.com/app/",
            ["Api"] = "v2",
            ["Area"] = "mainland",
            ["Endpoint"] = Server.V2Endpoint.ToString(),
            ["SignatureMethod"] = "HmacSHA256",
            ["BatchSize"] = "7",
            ["DailyQuota"] = "123",
            ["DryRun"] = "true",
            ["Manifest"] = Path.Combine(project.Directory, "state", "site.manifest.json"),
            ["BaselineUrl"] = baselineUrl,
            ["PublishManifest"] = "true",
            ["WithoutBaseline"] = "all",
            ["AddedFiles"] = "true",
            ["DirectoryIndex"] = "default.htm",
            ["ContinueOnApiError"] = "true",
            ["MaxRetries"] = "5",
            ["Timeout"] = "17",
            ["Report"] = Path.Combine(project.Directory, "out", "report.json"),
            ["OverQuota"] = "directory",
            ["Wait"] = "true",
            ["WaitTimeout"] = "42",
            ["Exclude"] = "js/*.js|css/site.css",
            ["ExcludePatterns"] = "**/*.map;docs/**",
            ["SkipImmutable"] = "false",
            ["EndpointsFile"] = Path.Combine(project.Directory, "bin", "Release", "net10.0", "publish", ThrowawayWebProject.ProjectName + ".staticwebassets.endpoints.json"),
        };
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), log.TaskInputs.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.True(log.CdnRefreshRanAfterSiteDeployed, "CdnRefresh did not run after SiteDeployed.\n" + result);
        Assert.Contains(log.Messages, message => message.Contains("\"RefreshCdnOversea\"", StringComparison.Ordinal) && message.Contains(taskCopy, StringComparison.Ordinal));
    }

    /// <summary>The package's net8.0 task folder copied into the project, so a task loaded from there came through CdnRefreshTaskAssembly.</summary>
    private string CopyOfPackedTask(ThrowawayWebProject project)
    {
        var packed = Path.Combine(Fixture.PackagesFolder, PackageFixture.PackageId.ToLowerInvariant(), Fixture.Version.ToLowerInvariant(), "tasks", "net8.0");
        var copy = Directory.CreateDirectory(Path.Combine(project.Directory, "task-copy")).FullName;
        foreach (var file in Directory.GetFiles(packed))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return Path.Combine(copy, PackageFixture.PackageId + ".dll");
    }

    /// <summary>What a binary log says about the CdnRefresh target and its task.</summary>
    private sealed class BinaryLog
    {
        public Dictionary<string, string> TaskInputs { get; } = new();

        /// <summary>The CdnRefresh target started once SiteDeployed had finished.</summary>
        public bool CdnRefreshRanAfterSiteDeployed { get; private set; }

        public List<string> Messages { get; } = new();

        public static BinaryLog Read(string path)
        {
            var events = new List<BuildEventArgs>();
            var replay = new BinaryLogReplayEventSource();
            replay.AnyEventRaised += (_, e) => events.Add(e);
            replay.Replay(path);

            var log = new BinaryLog();
            var task = Assert.Single(events.OfType<TaskStartedEventArgs>(), e => e.TaskName == "RefreshCdnOversea");
            foreach (var input in events.OfType<TaskParameterEventArgs>().Where(e => e.Kind == TaskParameterMessageKind.TaskInput && Equals(e.BuildEventContext, task.BuildEventContext)))
            {
                log.TaskInputs.Add(input.ItemType, string.Join("|", input.Items.Cast<object>().Select(item => item is ITaskItem taskItem ? taskItem.ItemSpec : item.ToString())));
            }

            var cdnRefreshStarted = events.FindIndex(e => e is TargetStartedEventArgs { TargetName: "CdnRefresh" });
            var siteDeployedFinished = events.FindIndex(e => e is TargetFinishedEventArgs { TargetName: "SiteDeployed" });
            log.CdnRefreshRanAfterSiteDeployed = cdnRefreshStarted > siteDeployedFinished && siteDeployedFinished >= 0;
            log.Messages.AddRange(events.OfType<BuildMessageEventArgs>().Select(e => e.Message ?? ""));
            return log;
        }
    }
}
