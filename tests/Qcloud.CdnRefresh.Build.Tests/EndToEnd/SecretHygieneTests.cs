using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;
using Xunit.Abstractions;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>Credentials travel only in the environment and on the wire: never in a log, a binary log, the report or the manifest.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SecretHygieneTests : EndToEndTest
{
    /// <summary>A temporary key's token, which the fake requires on every request of this class.</summary>
    private const string Token = "fakeSessionToken0e2e0aa11bb22cc33dd44ee55ff";

    public SecretHygieneTests(PackageFixture fixture, ITestOutputHelper output)
        : base(fixture, output)
    {
    }

    protected override FakeTencentApiOptions ServerOptions => new() { Token = Token };

    [Fact]
    public void PublishAtDiagnosticVerbosityWithBinaryLog_WritesNoSecretTokenOrSignatureAnywhere()
    {
        var project = NewProject("secrets");
        var binlog = Path.Combine(project.Directory, "publish.binlog");
        var report = Path.Combine(project.Directory, "cdn-refresh-report.json");
        var stepSummary = Path.Combine(project.Directory, "step-summary.md");
        var environment = new Dictionary<string, string>(Credentials()) { ["GITHUB_STEP_SUMMARY"] = stepSummary };

        var result = Logged(project.Publish(RefreshArguments(Server.V3Endpoint, "-v:diag", "-bl:" + binlog, "-p:CdnRefreshReport=" + report), environment));

        AssertSucceeded(result);
        var purge = Assert.Single(Refreshes("PurgeUrlsCache"));
        AssertAcceptedV3(purge);
        Assert.Equal(Token, purge.Headers["X-TC-Token"]);

        var places = new Dictionary<string, byte[]>
        {
            ["the console output at -v:diag"] = Encoding.UTF8.GetBytes(result.Output),
            ["the binary log (raw)"] = File.ReadAllBytes(binlog),
            ["the binary log (decompressed)"] = SecretScan.DecompressBinaryLog(binlog),
            ["the report"] = File.ReadAllBytes(report),
            ["the manifest"] = File.ReadAllBytes(project.ManifestPath),
            ["the step summary"] = File.ReadAllBytes(stepSummary),
        };

        // The scan must see what is there: the endpoint is a global property (in the binlog), the URLs are in the report and manifest.
        Assert.True(SecretScan.Contains(places["the binary log (decompressed)"], Server.V3Endpoint.ToString()), "the decompressed binlog does not even hold the endpoint");
        Assert.True(SecretScan.Contains(places["the report"], "https://www.example.com/css/site.css"), "the report does not hold the URLs");
        Assert.True(SecretScan.Contains(places["the manifest"], "css/site.css"), "the manifest does not hold the files");
        Assert.True(SecretScan.Contains(places["the step summary"], "https://www.example.com/css/site.css"), "the step summary does not hold the URLs");
        Assert.True(result.Output.Length > 100_000, $"-v:diag output is only {result.Output.Length} chars");

        var findings = SecretScan.Findings(places, SecretsOnTheWire());
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void SecretLookingProperty_FailsWithQcdn1007AndSendsNothing()
    {
        var project = NewProject("secret-property");

        var result = PublishV3(project, "-p:CdnRefreshSecretKey=abc");

        AssertFailed(result);
        AssertOutputContains(result, "error QCDN1007");
        AssertOutputContains(result, "CdnRefreshSecretKey");
        Assert.Empty(Server.Requests);
        Assert.False(File.Exists(project.ManifestPath), "the refused run wrote a manifest");
    }

    /// <summary>The key, the token, and each request's <c>Authorization</c> value and its signature, as the fake received them.</summary>
    private Dictionary<string, string> SecretsOnTheWire()
    {
        var secrets = new Dictionary<string, string>
        {
            ["the secret key"] = Server.Options.SecretKey,
            ["the token"] = Token,
        };
        foreach (var request in Server.Requests)
        {
            Assert.True(request.Headers.TryGetValue("Authorization", out var authorization), $"request {request.Sequence} has no Authorization");
            secrets[$"the Authorization of request {request.Sequence}"] = authorization!;
            var at = authorization!.IndexOf("Signature=", StringComparison.Ordinal);
            Assert.True(at >= 0, "no Signature= in " + authorization);
            var signature = authorization[(at + "Signature=".Length)..].Split(',')[0].Trim();
            Assert.True(signature.Length >= 32, "short signature " + signature);
            secrets[$"the signature of request {request.Sequence}"] = signature;
        }

        return secrets;
    }
}
