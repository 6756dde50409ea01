using System.Diagnostics;
using Qcloud.CdnRefresh.Build.Diagnostics;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// A cross-process lock on a manifest, held from loading the baseline until the new manifest is saved, so that two
/// builds at once cannot both read the same baseline and then overwrite each other's result. It is an exclusive handle
/// on <c>&lt;manifest&gt;.lock</c>: the OS releases it even when the process dies, so a crash never leaves a stale lock.
/// </summary>
internal sealed class ManifestLock(FileStream handle) : IDisposable
{
    /// <summary>Appended to the manifest's path to name the lock file.</summary>
    public const string FileSuffix = ".lock";

    /// <exception cref="CdnRefreshException">The lock was not free within <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    public static ManifestLock Acquire(string manifestPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var lockPath = Path.GetFullPath(manifestPath) + FileSuffix;
        CreateFolderOf(lockPath);
        var clock = Stopwatch.StartNew();
        var backoff = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // The lock file is never deleted: deleting it on release would let a waiter lock the unlinked file while
                // a newcomer creates and locks a fresh one, and both would believe they hold the lock.
                return new ManifestLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException exception)
            {
                var left = timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    throw new CdnRefreshException(
                        DiagnosticCodes.ManifestLocked,
                        $"The CDN refresh manifest '{manifestPath}' is locked by another build ('{lockPath}' stayed locked "
                        + $"for {timeout.TotalSeconds:0.#} s). Wait for the other build to finish, or give each build its own "
                        + "CdnRefreshManifest.",
                        exception);
                }

                // A cancellation ends the wait, and the loop's first step throws.
                cancellationToken.WaitHandle.WaitOne(backoff < left ? backoff : left);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMilliseconds(250).Ticks));
            }
            catch (UnauthorizedAccessException exception)
            {
                throw new CdnRefreshException(
                    DiagnosticCodes.ManifestWriteFailed,
                    $"Cannot create the lock file '{lockPath}' of the CDN refresh manifest: {exception.Message} "
                    + "Make its folder writable or point CdnRefreshManifest to a writable location.",
                    exception);
            }
        }
    }

    private static void CreateFolderOf(string lockPath)
    {
        // A lock path is a root's name plus a suffix at least, so it always has a folder.
        var folder = Path.GetDirectoryName(lockPath)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CdnRefreshException(
                DiagnosticCodes.ManifestWriteFailed,
                $"Cannot create the folder '{folder}' of the CDN refresh manifest: {exception.Message} "
                + "Make it writable or point CdnRefreshManifest to a writable location.",
                exception);
        }
    }

    public void Dispose() => handle.Dispose();
}
