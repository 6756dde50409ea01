using System.Collections.Generic;
using System.IO;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;
using Xunit.Abstractions;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// A first publish sends every URL, a publish after one file changed sends only that URL: through each API, v3
/// (the default, <c>PurgeUrlsCache</c>) and v2 (<c>RefreshCdnOverSeaUrl</c>, signed HmacSHA1 by default or HmacSHA256).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class FirstAndChangedPublishTests : EndToEndTest
{
    public FirstAndChangedPublishTests(PackageFixture fixture, ITestOutputHelper output)
        : base(fixture, output)
    {
    }

    /// <summary>
    /// <paramref name="api"/> null leaves <c>CdnRefreshApi</c> unset and <paramref name="signatureMethod"/> null leaves
    /// <c>CdnRefreshSignatureMethod</c> unset, so their defaults apply; <paramref name="signedWith"/> is v2's method.
    /// </summary>
    [Theory]
    [InlineData(null, null, "PurgeUrlsCache", null)]
    [InlineData("v2", null, "RefreshCdnOverSeaUrl", "HmacSHA1")]
    [InlineData("v2", "HmacSHA256", "RefreshCdnOverSeaUrl", "HmacSHA256")]
    public void FirstPublishThenOneFileChange_SendsEveryUrlThenOnlyTheChangedOne(string? api, string? signatureMethod, string action, string? signedWith)
    {
        var project = NewProject("first-" + action + "-" + signedWith);

        var first = Publish(project, api, signatureMethod);

        AssertSucceeded(first);
        AssertOutputContains(first, "(no baseline), 6 URLs in 1 batch to " + action + " (overseas)");
        AssertOutputContains(first, "6 accepted, 0 pending");
        var firstRefresh = Assert.Single(Refreshes(action));
        AssertAccepted(firstRefresh, signedWith);
        AssertUrls(AllUrls, firstRefresh.Urls);
        Assert.True(File.Exists(project.ManifestPath), "no manifest at " + project.ManifestPath);

        project.WriteFile("wwwroot/css/site.css", "body { color: red; }\n");
        var second = Publish(project, api, signatureMethod);

        AssertSucceeded(second);
        var refreshes = Refreshes(action);
        Assert.Equal(2, refreshes.Count);
        AssertAccepted(refreshes[1], signedWith);
        Assert.Equal(new[] { "https://www.example.com/css/site.css" }, refreshes[1].Urls);

        // site.css and its precompressed siblings changed (files), one URL is owed.
        AssertOutputContains(second, " modified, 0 deleted, 0 added), 1 URL in 1 batch");
        AssertOutputContains(second, ": 1 accepted, 0 pending");
        Assert.All(Server.Requests, r => Assert.Equal(api == "v2" ? ApiProtocol.V2 : ApiProtocol.V3, r.Protocol));
    }

    private DotNetResult Publish(ThrowawayWebProject project, string? api, string? signatureMethod)
    {
        var extra = new List<string>();
        if (api is not null)
        {
            extra.Add("-p:CdnRefreshApi=" + api);
        }

        if (signatureMethod is not null)
        {
            extra.Add("-p:CdnRefreshSignatureMethod=" + signatureMethod);
        }

        var endpoint = api == "v2" ? Server.V2Endpoint : Server.V3Endpoint;
        return Logged(project.Publish(RefreshArguments(endpoint, extra.ToArray()), Credentials()));
    }

    /// <summary>Verified and accepted; a v2 request (<paramref name="signedWith"/> set) also signed with that method, never carrying the key.</summary>
    private static void AssertAccepted(RecordedRequest request, string? signedWith)
    {
        Assert.Equal("overseas", request.Area);
        if (signedWith is null)
        {
            AssertAcceptedV3(request);
            return;
        }

        Assert.True(request.SignatureVerified, "signature not verified; server string to sign:\n" + request.ServerStringToSign);
        Assert.Null(request.Fault);
        Assert.True(request.ApiCode == "0", $"API answered {request.ApiCode}: {request.ApiMessage}");
        Assert.Equal(signedWith, request.Parameters.GetValueOrDefault("SignatureMethod") ?? "HmacSHA1");
        Assert.Equal(FakeTencentApiOptions.DefaultSecretId, request.SecretId);
        Assert.DoesNotContain(FakeTencentApiOptions.DefaultSecretKey, request.Parameters.Values);
    }
}
