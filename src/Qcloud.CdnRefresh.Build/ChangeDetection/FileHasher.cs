using System.Security.Cryptography;
using Qcloud.CdnRefresh.Build.Diagnostics;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// SHA-256 of every listed file, read in parallel through one buffer per thread, so memory stays flat however large
/// the files are. A file whose hash an earlier run recorded, and which has not changed since, keeps that hash, unread.
/// </summary>
/// <param name="openRead">Opens a file (by full path) for reading; a seam for tests. Defaults to <see cref="OpenForHashing"/>.</param>
/// <param name="maxDegreeOfParallelism">Files hashed at once; defaults to the processor count.</param>
internal sealed class FileHasher(Func<string, Stream>? openRead = null, int? maxDegreeOfParallelism = null)
{
    // Large enough that per-read overhead vanishes, small enough to stay out of the large object heap.
    private const int BufferSize = 64 * 1024;

    private readonly Func<string, Stream> _openRead = openRead ?? OpenForHashing;
    private readonly int _maxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism ?? Environment.ProcessorCount);

    /// <summary>
    /// A forward-only read with no FileStream buffer of its own: the hasher's buffer is the only one. No read-ahead hint
    /// is given: most files fit in one read, and the system reads ahead on a sequential read anyway.
    /// </summary>
    public static Stream OpenForHashing(string fullPath) =>
        new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1, FileOptions.None);

    /// <param name="files">The files to hash, as listed (size and time were taken before reading, so a file that
    /// changes while it is read gets a new time and is hashed again next run).</param>
    /// <param name="recordedHash">The hash an earlier run recorded for a file, reused unread; null when the file must be
    /// read (it changed since, or was never recorded).</param>
    /// <param name="cancellationToken">Stops the run between reads; it then throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="CdnRefreshException"><see cref="DiagnosticCodes.FileUnreadable"/>: a file cannot be read.</exception>
    public HashingResult Hash(IReadOnlyList<ListedFile> files, Func<ListedFile, string?>? recordedHash = null, CancellationToken cancellationToken = default)
    {
        var sha256 = new string[files.Count];
        var filesHashed = 0;
        var bytesRead = 0L;
        var options = new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism, CancellationToken = cancellationToken };
        try
        {
            // Each thread reuses one reader (buffer, hash state, digits) from file to file.
            Parallel.For(
                0, files.Count, options, () => new Reader(),
                (index, _, reader) =>
                {
                    sha256[index] = recordedHash?.Invoke(files[index]) ?? HashContents(files[index], reader);
                    return reader;
                },
                reader => reader.State.Dispose());
        }
        catch (AggregateException exception)
        {
            throw Unwrap(exception, cancellationToken);
        }

        return new HashingResult(sha256, new HashingStats(filesHashed, files.Count - filesHashed, bytesRead));

        string HashContents(ListedFile file, Reader reader)
        {
            var buffer = reader.Buffer;
            var state = reader.State;
            try
            {
                using var stream = _openRead(file.FullPath);
                var total = 0L;
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    state.AppendData(buffer, 0, read);
                    total += read;

                    // A short read that reaches the listed size is the end of the file: the read that would only report
                    // the end is skipped. A file that grew since it was listed is still read whole, since a read returns
                    // as much as the file holds, up to the buffer's size.
                    if (read < buffer.Length && total >= file.Size)
                    {
                        break;
                    }
                }

                Interlocked.Add(ref bytesRead, total);
                Interlocked.Increment(ref filesHashed);
                return reader.LowerHex(state.GetHashAndReset());
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                // The run stops here, so the partial hash left in the state is never used.
                throw new CdnRefreshException(
                    DiagnosticCodes.FileUnreadable,
                    $"Cannot read '{file.RelativePath}' in the content root ({file.FullPath}): {exception.Message} Check that no other process holds it open and that the build may read it, or exclude it with a CdnRefreshExclude item.",
                    exception);
            }
        }
    }

    /// <summary>The coded error when a file failed; a plain cancellation when that is all that happened.</summary>
    private static Exception Unwrap(AggregateException aggregate, CancellationToken cancellationToken)
    {
        var inner = aggregate.Flatten().InnerExceptions;
        return (Exception?)inner.OfType<CdnRefreshException>().FirstOrDefault()
            ?? (cancellationToken.IsCancellationRequested && inner.All(exception => exception is OperationCanceledException)
                ? new OperationCanceledException(cancellationToken)
                : aggregate);
    }

    /// <summary>What one hashing thread reuses from file to file.</summary>
    private sealed class Reader
    {
        private const string HexDigits = "0123456789abcdef";

        private readonly char[] _digits = new char[64];

        public byte[] Buffer { get; } = new byte[BufferSize];

        public IncrementalHash State { get; } = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        /// <summary>The hash in lowercase hexadecimal, as the manifest records it.</summary>
        public string LowerHex(byte[] hash)
        {
            for (var i = 0; i < hash.Length; i++)
            {
                _digits[2 * i] = HexDigits[hash[i] >> 4];
                _digits[(2 * i) + 1] = HexDigits[hash[i] & 0xF];
            }

            return new string(_digits, 0, hash.Length * 2);
        }
    }
}
