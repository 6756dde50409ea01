using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using Qcloud.CdnRefresh.Build.Api;
using Qcloud.CdnRefresh.Build.Providers.V2;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

public class V2DirectoryTests
{
    private static readonly string[] Directories = { "https://www.example.com/img/", "https://www.example.com/css/" };

    private readonly ClientHarness harness = new();

    [Fact]
    public async Task Overseas_SendsRefreshCdnOverSeaDir_WithDirsN_AndNoType()
    {
        harness.Handler.RespondJson(ClientHarness.V2Success(2));

        var client = harness.V2(o => o with { Area = "overseas" });
        await client.SubmitAsync(RefreshTarget.Directories, Directories, CancellationToken.None);

        var form = harness.Handler.Requests.Single().Form;
        Assert.Equal("RefreshCdnOverSeaDir", client.DirectoryAction);
        Assert.Equal("RefreshCdnOverSeaDir", form["Action"]);
        Assert.Equal(Directories[0], form["dirs.0"]);
        Assert.Equal(Directories[1], form["dirs.1"]);
        Assert.False(form.ContainsKey("type"));
        Assert.DoesNotContain(form.Keys, k => k.StartsWith("urls", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mainland_SendsRefreshCdnDir_WithType1()
    {
        harness.Handler.RespondJson("{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\"}");

        var outcome = await harness.V2(o => o with { Area = "mainland" }).SubmitAsync(RefreshTarget.Directories, Directories, CancellationToken.None);

        var form = harness.Handler.Requests.Single().Form;
        Assert.Equal("RefreshCdnDir", form["Action"]);
        Assert.Equal("1", form["type"]);
        Assert.Equal(Directories[1], form["dirs.1"]);
        Assert.True(outcome.Succeeded);
        Assert.Null(outcome.TaskId);
    }

    [Fact]
    public async Task MoreThan20Directories_AreRejectedBeforeSending()
    {
        var directories = Enumerable.Range(0, V2Quota.MaxDirectoriesPerRequest + 1).Select(i => "https://a.example/d" + i + "/").ToArray();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => harness.V2().SubmitAsync(RefreshTarget.Directories, directories, CancellationToken.None));

        Assert.Empty(harness.Handler.Requests);
    }

    [Theory]
    [InlineData("(22045)单次提交刷新目录超出上限", "4000 (22045)")]
    [InlineData("(22046)目录刷新数目超出单日限额", "4000 (22046)")]
    public async Task DirectoryLimitModuleCodes_AreQuota_NotRetried(string message, string apiCode)
    {
        harness.Handler.RespondJson(ClientHarness.V2Error(4000, message));

        var outcome = await harness.V2().SubmitAsync(RefreshTarget.Directories, Directories, CancellationToken.None);

        Assert.Equal(ApiFailureKind.Quota, outcome.Failure!.Kind);
        Assert.Equal(apiCode, outcome.Failure.ApiCode);
        Assert.Single(harness.Handler.Requests);
    }
}
