using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Signing;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// SHA-256 of every listed file, read once, in parallel, through one pooled buffer per worker, so memory stays flat
/// however large the files are.
/// </summary>
internal sealed class FileHasher
{
    /// <summary>Large enough that per-read overhead vanishes, small enough to stay out of the large object heap.</summary>
    public const int BufferSize = 64 * 1024;

    private readonly Func<string, Stream>? _openRead;
    private readonly int _maxDegreeOfParallelism;

    /// <param name="openRead">Opens a file (by full path) for reading; a seam for tests. By default files are read
    /// through a bare handle (<see cref="OpenForHashing"/> on .NET Framework).</param>
    /// <param name="maxDegreeOfParallelism">Files hashed at once; defaults to the processor count.</param>
    public FileHasher(Func<string, Stream>? openRead = null, int? maxDegreeOfParallelism = null)
    {
        _openRead = openRead;
        _maxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism ?? Environment.ProcessorCount);
    }

    /// <summary>A forward-only read with no FileStream buffer of its own: the hasher's buffer is the only one.</summary>
    public static Stream OpenForHashing(string fullPath) =>
        new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);

    /// <param name="files">The files to hash, as listed (size and time were taken before reading, so a file that
    /// changes while it is read gets a new time and is hashed again next run).</param>
    /// <param name="cache">Hashes of an earlier run by relative path; an entry is reused, unread, when size and
    /// last write time both match. The dictionary's comparer decides how paths match.</param>
    /// <param name="cancellationToken">Stops the run between reads; it then throws <see cref="OperationCanceledException"/>.</param>
    public HashingResult Hash(IReadOnlyList<ListedFile> files, IReadOnlyDictionary<string, CachedHash>? cache = null, CancellationToken cancellationToken = default)
    {
        var results = new string[files.Count];
        var filesHashed = 0;
        var bytesRead = 0L;

        // As Parallel.For did: a token cancelled beforehand reads nothing.
        cancellationToken.ThrowIfCancellationRequested();
        var run = new WorkerRun(files.Count, cancellationToken);
        void Work()
        {
            Worker? worker = null;
            try
            {
                worker = new Worker();
                while (run.TryTakeNext(out var index))
                {
                    var file = files[index];
                    CachedHash? cached = cache is not null && cache.TryGetValue(file.RelativePath, out var found) ? found : null;
                    results[index] = TryReuse(file, cached) ?? HashContents(file, cached, worker, cancellationToken);
                }
            }
            catch (Exception exception)
            {
                run.Fail(exception);
            }
            finally
            {
                if (worker is not null)
                {
                    Interlocked.Add(ref filesHashed, worker.FilesHashed);
                    Interlocked.Add(ref bytesRead, worker.BytesRead);
                    worker.Dispose();
                }
            }
        }

        run.Start(Math.Min(_maxDegreeOfParallelism, files.Count), Work);
        if (run.Failures is { } failures)
        {
            throw Unwrap(new AggregateException(failures), cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var stats = new HashingStats(filesHashed, files.Count - filesHashed, bytesRead);
        return new HashingResult(files, results, stats);
    }

    private static string? TryReuse(ListedFile file, CachedHash? cached) =>
        cached is { } hit && hit.Size == file.Size && hit.LastWriteTimeUtcTicks == file.LastWriteTimeUtc.Ticks && !string.IsNullOrEmpty(hit.Sha256)
            ? hit.Sha256
            : null;

    private string HashContents(ListedFile file, CachedHash? cached, Worker worker, CancellationToken cancellationToken)
    {
        try
        {
#if NETFRAMEWORK
            AppendStream(_openRead ?? OpenForHashing, file, worker, cancellationToken);
#else
            if (_openRead is null)
            {
                AppendFile(file, worker, cancellationToken);
            }
            else
            {
                AppendStream(_openRead, file, worker, cancellationToken);
            }
#endif

            worker.FilesHashed++;
#if NETFRAMEWORK
            var digest = worker.Hash.GetHashAndReset();
#else
            // Into the worker's own array: no 32-byte array per file.
            var digest = worker.Digest;
            worker.Hash.GetHashAndReset(digest);
#endif

            // Same contents under a new time (every file of a fresh checkout): keep the recorded string rather than
            // hold a second copy of it for the rest of the run.
            return cached is { } recorded && Hex.EqualsLower(digest, recorded.Sha256) ? recorded.Sha256 : Hex.ToLower(digest);
        }
        catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
        {
            // A failed read leaves a partial hash behind; drop it so the worker's next file starts clean.
            worker.Hash.GetHashAndReset();
            throw new CdnRefreshException(
                DiagnosticCodes.FileUnreadable,
                $"Cannot read '{file.RelativePath}' in the content root ({file.FullPath}): {exception.Message} Check that no other process holds it open and that the build may read it, or exclude it with a CdnRefreshExclude item.",
                exception);
        }
    }

    private static void AppendStream(Func<string, Stream> openRead, ListedFile file, Worker worker, CancellationToken cancellationToken)
    {
        using var stream = openRead(file.FullPath);
        int read;
        while ((read = stream.Read(worker.Buffer, 0, worker.Buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            worker.Hash.AppendData(worker.Buffer, 0, read);
            worker.BytesRead += read;
        }
    }

#if !NETFRAMEWORK
    /// <summary>
    /// Reads through a bare handle: no FileStream (and its strategy objects) per file, which at 50,000 small files is
    /// most of what hashing allocates. Same sharing and read-ahead hint as <see cref="OpenForHashing"/>.
    /// </summary>
    private static void AppendFile(ListedFile file, Worker worker, CancellationToken cancellationToken)
    {
        using var handle = File.OpenHandle(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.SequentialScan);
        var offset = 0L;
        int read;
        try
        {
            while ((read = RandomAccess.Read(handle, worker.Buffer, offset)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                worker.Hash.AppendData(worker.Buffer, 0, read);
                offset += read;
            }
        }
        catch (NotSupportedException) when (offset == 0)
        {
            // Not seekable (a FIFO reached through a link): positional reads are refused, a stream reads it.
            AppendStream(OpenForHashing, file, worker, cancellationToken);
            return;
        }

        worker.BytesRead += offset;
    }
#endif

    private static Exception Unwrap(AggregateException aggregate, CancellationToken cancellationToken)
    {
        var inner = aggregate.Flatten().InnerExceptions;
        var coded = inner.OfType<CdnRefreshException>().FirstOrDefault();
        if (coded != null)
        {
            return coded;
        }

        if (cancellationToken.IsCancellationRequested && inner.All(exception => exception is OperationCanceledException))
        {
            return new OperationCanceledException(cancellationToken);
        }

        return aggregate;
    }


    /// <summary>What one parallel worker reuses from file to file: the buffer, the hash state and its counters.</summary>
    private sealed class Worker : IDisposable
    {
        public byte[] Buffer { get; } = ArrayPool<byte>.Shared.Rent(BufferSize);

        public IncrementalHash Hash { get; } = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public byte[] Digest { get; } = new byte[32];

        public int FilesHashed { get; set; }

        public long BytesRead { get; set; }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(Buffer);
            Hash.Dispose();
        }
    }
}
