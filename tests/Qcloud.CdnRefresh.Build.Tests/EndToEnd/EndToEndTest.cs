using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;
using Xunit.Abstractions;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// One fake Tencent API per test (its record, quota and faults are state), the packed package from the fixture,
/// and the arguments and variables a real user of the package would give <c>dotnet publish</c>.
/// Concrete classes carry <c>[Collection(EndToEndCollection.Name)]</c>.
/// </summary>
public abstract class EndToEndTest : IAsyncLifetime
{
    protected const string BaseUrl = "https://www.example.com/";

    /// <summary>What a first refresh of the throwaway site sends: every file, plus the two directory index URLs.</summary>
    protected static readonly string[] AllUrls =
    {
        "https://www.example.com/",
        "https://www.example.com/css/site.css",
        "https://www.example.com/docs/",
        "https://www.example.com/docs/index.html",
        "https://www.example.com/index.html",
        "https://www.example.com/js/app.js",
    };

    private readonly ITestOutputHelper _output;

    protected EndToEndTest(PackageFixture fixture, ITestOutputHelper output)
    {
        Fixture = fixture;
        _output = output;
    }

    protected PackageFixture Fixture { get; }

    protected FakeTencentApiServer Server { get; private set; } = null!;

    /// <summary>The fake's options; override to configure a token, keys, hosts.</summary>
    protected virtual FakeTencentApiOptions ServerOptions => new();

    public async Task InitializeAsync() => Server = await FakeTencentApiServer.StartAsync(ServerOptions);

    public async Task DisposeAsync() => await Server.DisposeAsync();

    protected ThrowawayWebProject NewProject(string name)
    {
        var project = ThrowawayWebProject.CreateAndRestore(Fixture, name);
        _output.WriteLine($"package {Fixture.Version}, packed in {Fixture.PackTime.TotalSeconds:0.0} s; project {project.Directory}");
        return project;
    }

    /// <summary>The fake's keys as the task reads them, plus its token when it wants one.</summary>
    protected IReadOnlyDictionary<string, string> Credentials()
    {
        var variables = new Dictionary<string, string>
        {
            ["TENCENTCLOUD_SECRET_ID"] = Server.Options.SecretId,
            ["TENCENTCLOUD_SECRET_KEY"] = Server.Options.SecretKey,
        };
        if (Server.Options.Token is { } token)
        {
            variables["TENCENTCLOUD_TOKEN"] = token;
        }

        return variables;
    }

    /// <summary><c>-p:CdnRefresh=true</c>, the base URL and the endpoint, then <paramref name="extra"/>.</summary>
    protected static IEnumerable<string> RefreshArguments(Uri endpoint, params string[] extra) =>
        new[] { "-p:CdnRefresh=true", "-p:CdnRefreshBaseUrl=" + BaseUrl, "-p:CdnRefreshEndpoint=" + endpoint }.Concat(extra);

    /// <summary>Publishes with the refresh on against the fake's API 3.0 endpoint, with the fake's credentials.</summary>
    protected DotNetResult PublishV3(ThrowawayWebProject project, params string[] extra) =>
        Logged(project.Publish(RefreshArguments(Server.V3Endpoint, extra), Credentials()));

    /// <summary>A publish against the fake's EdgeOne, in its zone.</summary>
    protected DotNetResult PublishEdgeOne(ThrowawayWebProject project, params string[] extra) =>
        Logged(project.Publish(
            RefreshArguments(Server.EdgeOneEndpoint, new[] { "-p:CdnRefreshApi=edgeone", "-p:CdnRefreshZoneId=" + Server.Options.ZoneId }.Concat(extra).ToArray()),
            Credentials()));

    /// <summary>Writes the command, exit code and time to the test output (the whole output goes into assertion messages).</summary>
    protected DotNetResult Logged(DotNetResult result)
    {
        _output.WriteLine($"dotnet {result.CommandLine}: exit {result.ExitCode}, {result.Elapsed.TotalSeconds:0.0} s");
        return result;
    }

    /// <summary>The requests that asked for a refresh (v3 PurgeUrlsCache, v2 RefreshCdnOverSeaUrl), in order.</summary>
    protected IReadOnlyList<RecordedRequest> Refreshes(string action) =>
        Server.Requests.Where(r => r.Action == action).OrderBy(r => r.Sequence).ToList();

    protected static void AssertSucceeded(DotNetResult result) =>
        Assert.True(result.ExitCode == 0, "Expected success.\n" + result);

    protected static void AssertFailed(DotNetResult result) =>
        Assert.True(result.ExitCode != 0, "Expected a failure.\n" + result);

    protected static void AssertOutputContains(DotNetResult result, string expected) =>
        Assert.True(result.Output.Contains(expected, StringComparison.Ordinal), $"Expected '{expected}' in the output.\n{result}");

    /// <summary>Some line of the output ends with <paramref name="expected"/> (whatever the line endings).</summary>
    protected static void AssertOutputLineEndsWith(DotNetResult result, string expected) =>
        Assert.True(
            result.Output.Split('\n').Any(line => line.TrimEnd('\r').EndsWith(expected, StringComparison.Ordinal)),
            $"Expected a line ending with '{expected}' in the output.\n{result}");

    /// <summary>Exactly these URLs, in any order, each once.</summary>
    protected static void AssertUrls(IEnumerable<string> expected, IEnumerable<string> actual) =>
        Assert.Equal(expected.OrderBy(u => u, StringComparer.Ordinal), actual.OrderBy(u => u, StringComparer.Ordinal));

    /// <summary>The request went through: the fake verified its signature and the API accepted it.</summary>
    protected static void AssertAcceptedV3(RecordedRequest request)
    {
        Assert.True(request.SignatureVerified, "signature not verified; server string to sign:\n" + request.ServerStringToSign);
        Assert.Null(request.Fault);
        Assert.True(request.ApiCode is null, $"API answered {request.ApiCode}: {request.ApiMessage}");
        Assert.False(string.IsNullOrEmpty(request.TaskId));
    }
}
