using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using Qcloud.CdnRefresh.Build.Providers.V3;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Refresh;

public class RefreshRunCancellationTests : RefreshRunTestBase
{
    [Fact]
    public async Task CancelledAfterBatch1_Throws_AndTheManifestOwesEverythingButBatch1()
    {
        // Request 1 is DescribePurgeQuota, 2 is batch 1, 3 is batch 2: it hangs until the cancellation.
        Server.InjectFault(FaultRule.Hang(TimeSpan.FromSeconds(30)).OnRequest(3));
        using var cancellation = new CancellationTokenSource();
        Log.OnDetail = line =>
        {
            if (line.StartsWith("Batch 1 of 2:", StringComparison.Ordinal))
            {
                // Cancel once the fake holds batch 2, however long the machine took to send it.
                _ = Task.Run(async () =>
                {
                    await Server.WaitForHangsAsync();
                    cancellation.Cancel();
                });
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => RunAsync(Settings() with { BatchSize = 2, Timeout = TimeSpan.FromSeconds(20) }, cancellation.Token));

        var batch1 = PurgeRequests().First(r => r.StatusCode == 200).Urls;
        Assert.Equal(2, batch1.Count);
        Assert.Equal(UrlsOf(InitialFiles).Except(batch1), ManifestPendingUrls());
        Assert.Equal(2, Server.UrlsAccepted("overseas"));
    }
}
