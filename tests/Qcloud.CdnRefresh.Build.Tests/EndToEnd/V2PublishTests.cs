using System.Collections.Generic;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;
using Xunit.Abstractions;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary><c>-p:CdnRefreshApi=v2</c>: API 2.0 <c>RefreshCdnOverSeaUrl</c>, signed HmacSHA1 (default) or HmacSHA256.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class V2PublishTests : EndToEndTest
{
    private const string Refresh = "RefreshCdnOverSeaUrl";

    public V2PublishTests(PackageFixture fixture, ITestOutputHelper output)
        : base(fixture, output)
    {
    }

    /// <summary><paramref name="signatureMethod"/> null leaves <c>CdnRefreshSignatureMethod</c> unset, so its default applies.</summary>
    [Theory]
    [InlineData(null, "HmacSHA1")]
    [InlineData("HmacSHA256", "HmacSHA256")]
    public void V2_FirstPublishThenOneFileChange_SendsSignedRefreshCdnOverSeaUrl(string? signatureMethod, string expectedMethod)
    {
        var project = NewProject("v2-" + expectedMethod);

        var first = PublishV2(project, signatureMethod);

        AssertSucceeded(first);
        AssertOutputContains(first, "6 URLs in 1 batch to RefreshCdnOverSeaUrl (overseas)");
        var firstRefresh = Assert.Single(Refreshes(Refresh));
        AssertAcceptedV2(firstRefresh, expectedMethod);
        AssertUrls(AllUrls, firstRefresh.Urls);

        project.WriteFile("wwwroot/js/app.js", "console.log('version 2');\n");
        var second = PublishV2(project, signatureMethod);

        AssertSucceeded(second);
        var refreshes = Refreshes(Refresh);
        Assert.Equal(2, refreshes.Count);
        AssertAcceptedV2(refreshes[1], expectedMethod);
        Assert.Equal(new[] { "https://www.example.com/js/app.js" }, refreshes[1].Urls);
        Assert.All(Server.Requests, r => Assert.Equal(ApiProtocol.V2, r.Protocol));
    }

    private DotNetResult PublishV2(ThrowawayWebProject project, string? signatureMethod)
    {
        var extra = new List<string> { "-p:CdnRefreshApi=v2" };
        if (signatureMethod is not null)
        {
            extra.Add("-p:CdnRefreshSignatureMethod=" + signatureMethod);
        }

        return Logged(project.Publish(RefreshArguments(Server.V2Endpoint, extra.ToArray()), Credentials()));
    }

    private static void AssertAcceptedV2(RecordedRequest request, string expectedMethod)
    {
        Assert.True(request.SignatureVerified, "signature not verified; server string to sign:\n" + request.ServerStringToSign);
        Assert.Null(request.Fault);
        Assert.True(request.ApiCode == "0", $"API answered {request.ApiCode}: {request.ApiMessage}");
        Assert.Equal("overseas", request.Area);
        Assert.Equal(expectedMethod, request.Parameters.GetValueOrDefault("SignatureMethod") ?? "HmacSHA1");
        Assert.Equal(FakeTencentApiOptions.DefaultSecretId, request.SecretId);
        Assert.DoesNotContain(FakeTencentApiOptions.DefaultSecretKey, request.Parameters.Values);
    }
}
