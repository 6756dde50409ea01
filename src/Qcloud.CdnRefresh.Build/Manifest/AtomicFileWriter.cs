namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// Replaces a file so that a reader (or a crash) sees either the whole old content or the whole new one: the bytes go
/// to a temporary file in the same folder (same volume, so the final step is a rename), are flushed to disk, and the
/// temporary file is then moved over the target.
/// </summary>
internal static class AtomicFileWriter
{
    private const int MoveAttempts = 5;

    // Small writes (a manifest is written value by value) gather here; 64 KB keeps the buffer off the large object heap.
    private const int WriteBufferSize = 64 * 1024;

    /// <summary>
    /// Replaces or creates <paramref name="path"/> with what <paramref name="writeContent"/> writes into the (buffered)
    /// stream it is given; <paramref name="temporaryPathFor"/> is a test seam that picks the temporary file's path.
    /// </summary>
    /// <exception cref="IOException">The file could not be written; the target is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">The file could not be written; the target is unchanged.</exception>
    public static void Write(string path, Action<Stream> writeContent, Func<string, string>? temporaryPathFor = null)
    {
        var fullPath = Path.GetFullPath(path);

        // A root has no folder of its own (and cannot be replaced as a file, which the move then reports).
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath) ?? fullPath);

        // A unique name, so a writer that does not hold the lock (or a leftover from a crash) cannot collide with this one.
        var temporaryPath = temporaryPathFor?.Invoke(fullPath) ?? fullPath + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp";
        try
        {
            using (var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, WriteBufferSize))
            {
                writeContent(stream);
                stream.Flush(flushToDisk: true);
            }

            MoveOver(temporaryPath, fullPath);
        }
        catch
        {
            try
            {
                // A missing file is no error.
                File.Delete(temporaryPath);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Best effort: a leftover temporary file is harmless and never read.
            }

            throw;
        }
    }

    private static void MoveOver(string source, string target)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // File.Replace is the atomic swap on both runtimes (net472 has no File.Move with overwrite), but needs a target.
                if (File.Exists(target))
                {
                    File.Replace(source, target, destinationBackupFileName: null, ignoreMetadataErrors: true);
                }
                else
                {
                    File.Move(source, target);
                }

                return;
            }
            catch (Exception exception) when (attempt < MoveAttempts
                && (exception is IOException || (exception is UnauthorizedAccessException && File.Exists(source))))
            {
                // On Windows a virus scanner or an indexer briefly opening the target makes the swap fail; it clears fast.
                Thread.Sleep(20 * attempt);
            }
        }
    }
}
