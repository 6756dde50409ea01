using System;
using System.Buffers;
using System.IO;
using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>
/// A stream's bytes held a chunk at a time for <see cref="Utf8JsonReader"/>, in one pooled buffer: a manifest of 50,000
/// files is 10 MB, which read whole would be one large-object-heap array for the rest of the run. The buffer only grows
/// when a single value that must be read whole (one file entry, a top-level value) does not fit.
/// </summary>
internal sealed class JsonChunkBuffer : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;

    public JsonChunkBuffer(Stream stream, JsonReaderOptions options, int size)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, 4));
        State = new JsonReaderState(options);
        Fill();

        // A UTF-8 byte order mark is allowed at the very start.
        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _start = 3;
        }
    }

    /// <summary>True once the stream's end is in the buffer: the reader may then judge an incomplete document.</summary>
    public bool IsFinalBlock { get; private set; }

    /// <summary>The reader's state at <see cref="Reader"/>'s first byte.</summary>
    public JsonReaderState State { get; private set; }

    /// <summary>A reader over the bytes not yet accepted, continuing where the last accepted one stopped.</summary>
    public Utf8JsonReader Reader() => new(_buffer.AsSpan(_start, _end - _start), IsFinalBlock, State);

    /// <summary>Accepts what a reader from <see cref="Reader"/> consumed up to <paramref name="state"/>.</summary>
    public void Accept(long bytesConsumed, JsonReaderState state)
    {
        _start += checked((int)bytesConsumed);
        State = state;
    }

    /// <summary>Keeps the bytes not yet accepted and appends more from the stream (growing the buffer when it is full).</summary>
    public void ReadMore()
    {
        if (IsFinalBlock)
        {
            throw new InvalidOperationException("The whole stream is in the buffer already.");
        }

        var pending = _end - _start;
        if (pending == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(checked(_buffer.Length * 2));
            Buffer.BlockCopy(_buffer, _start, larger, 0, pending);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
        }

        _start = 0;
        _end = pending;
        Fill();
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

    private void Fill()
    {
        while (_end < _buffer.Length)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                IsFinalBlock = true;
                return;
            }

            _end += read;
        }
    }
}
