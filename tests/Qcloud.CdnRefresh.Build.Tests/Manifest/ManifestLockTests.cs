using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Manifest;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

public class ManifestLockTests
{
    [Fact]
    public void A_second_acquirer_times_out_with_ManifestLocked_while_the_lock_is_held()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("obj", "manifest.json");
        using var held = ManifestLock.Acquire(path, TimeSpan.FromSeconds(5), CancellationToken.None);

        var exception = Assert.Throws<CdnRefreshException>(
            () => ManifestLock.Acquire(path, TimeSpan.FromMilliseconds(200), CancellationToken.None));

        Assert.Equal("QCDN2106", exception.Code);
        Assert.Contains(path, exception.Message);
        Assert.Contains("for 0.2 s", exception.Message);
    }

    [Fact]
    public async Task A_second_acquirer_waits_until_the_first_releases()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("manifest.json");
        var first = ManifestLock.Acquire(path, TimeSpan.FromSeconds(5), CancellationToken.None);
        var released = 0;

        using var waiting = new ManualResetEventSlim();
        var second = Task.Run(() =>
        {
            // One attempt that must fail while the first holds the lock, then the waiting acquisition.
            Assert.Throws<CdnRefreshException>(() => ManifestLock.Acquire(path, TimeSpan.Zero, CancellationToken.None));
            waiting.Set();
            using (ManifestLock.Acquire(path, TimeSpan.FromSeconds(30), CancellationToken.None))
            {
                return Volatile.Read(ref released);
            }
        });
        waiting.Wait();
        Volatile.Write(ref released, 1);
        first.Dispose();

        Assert.Equal(1, await second);
    }

    [Fact]
    public void The_lock_can_be_taken_again_after_release()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("manifest.json");

        ManifestLock.Acquire(path, TimeSpan.FromSeconds(1), CancellationToken.None).Dispose();
        using var again = ManifestLock.Acquire(path, TimeSpan.FromMilliseconds(100), CancellationToken.None);
    }

    [Fact]
    public void Cancelling_the_wait_throws_OperationCanceledException()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("manifest.json");
        using var held = ManifestLock.Acquire(path, TimeSpan.FromSeconds(1), CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.ThrowsAny<OperationCanceledException>(
            () => ManifestLock.Acquire(path, TimeSpan.FromSeconds(30), cancel.Token));
    }

    [LinuxOnlyFact("/usr/bin/flock", NeedsFlockForFileShare = true)]
    public void Another_process_cannot_take_the_lock_while_it_is_held()
    {
        // .NET implements FileShare.None with flock(2) on Unix, so flock(1) is a genuine second process contending for it.

        using var temp = new TempDirectory();
        var path = temp.Combine("manifest.json");

        using (ManifestLock.Acquire(path, TimeSpan.FromSeconds(1), CancellationToken.None))
        {
            Assert.Equal(1, RunFlock(path + ".lock"));
        }

        Assert.Equal(0, RunFlock(path + ".lock"));
    }

    private static int RunFlock(string lockPath)
    {
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/flock", "--nonblock \"" + lockPath + "\" true")
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        })!;
        process.WaitForExit(10_000);
        return process.ExitCode;
    }
}
