using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Qcloud.CdnRefresh.Build.Credentials;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.TaskRuns;

/// <summary>Bad input, through the task: one clear coded error (or warning) each, and nothing sent.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("BaseUrl", "", "QCDN1001")]
    [InlineData("BaseUrl", "/site/", "QCDN1001")]
    [InlineData("BaseUrl", "ftp://www.example.com/", "QCDN1001")]
    [InlineData("BaseUrl", "https://www.example.com/?v=2", "QCDN1001")]
    [InlineData("BaseUrl", "https://www.example.com/#top", "QCDN1001")]
    [InlineData("BatchSize", "0", "QCDN1002")]
    [InlineData("BatchSize", "5000", "QCDN1002")]
    [InlineData("Api", "v1", "QCDN1003")]
    [InlineData("Area", "global", "QCDN1004")]
    [InlineData("SignatureMethod", "HmacMD5", "QCDN1005")]
    [InlineData("Endpoint", "http://cdn.example.com/", "QCDN1006")]
    [InlineData("ContentRoot", "nowhere", "QCDN1011")]
    public async System.Threading.Tasks.Task BadKnob_IsItsCodedError_AndNothingIsSent(string knob, string value, string code)
    {
        await using var harness = await TaskHarness.StartAsync();

        var run = harness.Run(task => typeof(Qcloud.CdnRefresh.Build.MSBuild.RefreshCdnOversea).GetProperty(knob)!.SetValue(task, value));

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal(code, error.Code);
        Assert.Contains(value.Length == 0 ? "CdnRefreshBaseUrl" : value, error.Message);
        Assert.Empty(run.Requests);
        Assert.Null(harness.ManifestBytes());
    }

    [Theory]
    [InlineData("v3")]
    [InlineData("v2")]
    [InlineData("edgeone")]
    public async System.Threading.Tasks.Task MissingCredentials_IsQcdn1008NamingTheVariables_AndNothingIsSent(string api)
    {
        await using var harness = await TaskHarness.StartAsync();
        harness.Credentials = () => new CredentialsReader(_ => null, harness.Root).Read();

        var run = harness.Run(task =>
        {
            task.Api = api;
            task.Endpoint = api == "v2" ? harness.Server.V2Endpoint.ToString() : task.Endpoint;
            if (api == "edgeone")
            {
                EdgeOneTaskTests.EdgeOne(task, harness);
            }
        });

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("QCDN1008", error.Code);
        Assert.Contains("TENCENTCLOUD_SECRET_KEY", error.Message);
        Assert.Empty(run.Requests);
    }

    [Fact]
    public async System.Threading.Tasks.Task MissingPublishFolder_IsQcdn1010()
    {
        await using var harness = await TaskHarness.StartAsync();

        var run = harness.Run(task => task.PublishDir = Path.Combine(harness.Root, "not-published"));

        Assert.Equal(new[] { "QCDN1010" }, run.ErrorCodes);
        Assert.Empty(run.Requests);
    }

    [Fact]
    public async System.Threading.Tasks.Task EmptyContentRoot_IsWarningQcdn2004_NothingSent_BuildSucceeds()
    {
        await using var harness = await TaskHarness.StartAsync(fileCount: 0);
        Directory.CreateDirectory(harness.ContentRoot);

        var run = harness.Run();

        Assert.True(run.Succeeded);
        Assert.Equal(new[] { "QCDN2004" }, run.WarningCodes);
        Assert.Empty(run.Requests);
        Assert.Null(harness.ManifestBytes());
    }

    [Fact]
    public async System.Threading.Tasks.Task CorruptManifest_IsWarningQcdn2101_AndEveryFileIsRefreshed()
    {
        await using var harness = await TaskHarness.StartAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(harness.ManifestPath)!);
        File.WriteAllText(harness.ManifestPath, "{\"version\":1,\"baseUrl\":\"https://www.example.com/\",\"files\":[{\"path\":");

        var run = harness.Run();

        Assert.True(run.Succeeded);
        Assert.Equal(new[] { "QCDN2101" }, run.WarningCodes);
        Assert.Equal(6, run.AcceptedPurgeUrls.Count);
        Assert.Equal(6, harness.LoadManifest()!.Files.Count);
    }

    [Fact]
    public async System.Threading.Tasks.Task NewerManifest_IsWarningQcdn2102_AndIsNotOverwritten()
    {
        await using var harness = await TaskHarness.StartAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(harness.ManifestPath)!);
        const string Newer = "{\"version\":99,\"baseUrl\":\"https://www.example.com/\",\"files\":[]}";
        File.WriteAllText(harness.ManifestPath, Newer);

        var run = harness.Run();

        Assert.True(run.Succeeded);
        Assert.Equal(new[] { "QCDN2102" }, run.WarningCodes);
        Assert.Equal(Newer, File.ReadAllText(harness.ManifestPath));
    }

    // Only Linux file systems accept a name that is not valid Unicode.
    [LinuxOnlyFact]
    public async System.Threading.Tasks.Task FileNameThatCannotFormAUrl_IsQcdn2003NamingIt_AndNothingIsSent()
    {
        await using var harness = await TaskHarness.StartAsync();

        // The byte 0xFF is not UTF-8: .NET lists this name as "bad\uFFFDname.css", whose URL would not be the file's.
        var path = System.Text.Encoding.UTF8.GetBytes(Path.Combine(harness.ContentRoot, "bad")).Concat(new byte[] { 0xFF }).Concat(System.Text.Encoding.UTF8.GetBytes("name.css\0")).ToArray();
        Assert.True(NativeFile.Close(NativeFile.Create(path, Convert.ToInt32("644", 8))) == 0);

        var run = harness.Run();

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.True(error.Code == "QCDN2003", error.Message);
        Assert.Contains("name.css", error.Message);
        Assert.Empty(run.Requests);
    }

    private static class NativeFile
    {
        [DllImport("libc", EntryPoint = "creat", SetLastError = true)]
        public static extern int Create(byte[] path, int mode);

        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        public static extern int Close(int descriptor);
    }
}
