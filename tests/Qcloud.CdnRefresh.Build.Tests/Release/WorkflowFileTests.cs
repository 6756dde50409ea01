using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Qcloud.CdnRefresh.Build.Tests.Release;

/// <summary>The GitHub Actions workflows of the repository and the samples users copy: valid YAML, steps in the right order.</summary>
public sealed class WorkflowFileTests
{
    public static TheoryData<string> WorkflowFiles => new()
    {
        ".github/workflows/ci.yml",
        ".github/workflows/release.yml",
        "samples/github-actions/deploy.yml",
        "samples/github-actions/deploy-baseline-with-site.yml",
    };

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Workflow_is_valid_yaml_with_jobs_of_steps(string relativePath)
    {
        var workflow = Load(relativePath);

        var jobs = Mapping(workflow, "jobs");
        Assert.NotEmpty(jobs.Children);
        Assert.All(jobs.Children.Values, job => Assert.NotEmpty(((YamlSequenceNode)((YamlMappingNode)job)["steps"]).Children));
    }

    [Fact]
    public void Release_runs_on_version_tags_only()
    {
        var on = Mapping(Load(".github/workflows/release.yml"), "on");

        Assert.Equal(new[] { "push" }, on.Children.Keys.Select(key => key.ToString()));
        Assert.Equal(new[] { "v*.*.*" }, ((YamlSequenceNode)Mapping(on, "push")["tags"]).Children.Select(tag => tag.ToString()));
    }

    [Fact]
    public void Release_takes_the_version_before_testing_packing_and_pushing()
    {
        var names = Steps(".github/workflows/release.yml").Select(step => Text(step, "name")).ToList();

        Assert.Equal(
            new[] { "", "", "Version and notes from the tag", "Test", "Pack", "Push to nuget.org", "GitHub release" },
            names);
    }

    [Fact]
    public void Release_gives_the_NuGet_key_to_the_push_step_alone()
    {
        var workflow = Load(".github/workflows/release.yml");

        var holders = Steps(".github/workflows/release.yml")
            .Where(step => Text(step, "run").Contains("NUGET_API_KEY", StringComparison.Ordinal) || EnvironmentOf(step).ContainsKey("NUGET_API_KEY"))
            .ToList();

        var push = Assert.Single(holders);
        Assert.Equal("Push to nuget.org", Text(push, "name"));
        Assert.Equal("${{ secrets.NUGET_API_KEY }}", EnvironmentOf(push)["NUGET_API_KEY"]);
        Assert.False(workflow.Children.ContainsKey(new YamlScalarNode("env")), "a workflow-wide env would reach every step");
        Assert.All(Mapping(workflow, "jobs").Children.Values, job => Assert.False(((YamlMappingNode)job).Children.ContainsKey(new YamlScalarNode("env"))));
    }

    [Theory]
    [InlineData("samples/github-actions/deploy.yml")]
    [InlineData("samples/github-actions/deploy-baseline-with-site.yml")]
    public void Sample_syncs_to_COS_with_delete_before_it_refreshes(string relativePath)
    {
        var runs = Steps(relativePath).Select(step => Text(step, "run")).ToList();

        var upload = runs.FindIndex(run => run.Contains("coscli\" sync out/wwwroot/ \"cos://${{ vars.COS_BUCKET }}/\"", StringComparison.Ordinal) && run.Contains(" --delete ", StringComparison.Ordinal));
        var refresh = runs.FindIndex(run => run.Contains("-t:CdnRefresh", StringComparison.Ordinal));
        Assert.True(upload >= 0, "no coscli sync --delete step");
        Assert.True(refresh > upload, "the refresh does not come after the upload");
    }

    [Fact]
    public void Sample_with_the_baseline_on_the_site_reads_it_back_keeps_it_and_uploads_the_new_one_last()
    {
        var runs = Steps("samples/github-actions/deploy-baseline-with-site.yml").Select(step => Text(step, "run")).ToList();

        var refresh = runs.Single(run => run.Contains("-t:CdnRefresh", StringComparison.Ordinal));
        Assert.Contains("-p:CdnRefreshPublishManifest=true", refresh);
        Assert.Contains("-p:CdnRefreshBaselineUrl=${{ vars.SITE_URL }}cdn-refresh-manifest.json", refresh);
        Assert.Contains("--exclude \".*cdn-refresh-manifest\\.json$\"", runs.Single(run => run.Contains(" sync ", StringComparison.Ordinal)));
        Assert.Contains("coscli\" cp out/wwwroot/cdn-refresh-manifest.json", runs[^1]);
    }

    private static YamlMappingNode Load(string relativePath)
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, relativePath));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static IReadOnlyList<YamlMappingNode> Steps(string relativePath) =>
        Mapping(Load(relativePath), "jobs").Children.Values
            .SelectMany(job => ((YamlSequenceNode)((YamlMappingNode)job)["steps"]).Children)
            .Cast<YamlMappingNode>()
            .ToList();

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value.ToString() : "";

    private static Dictionary<string, string> EnvironmentOf(YamlMappingNode step) =>
        step.Children.TryGetValue(new YamlScalarNode("env"), out var env)
            ? ((YamlMappingNode)env).Children.ToDictionary(pair => pair.Key.ToString(), pair => pair.Value.ToString())
            : new Dictionary<string, string>();
}
