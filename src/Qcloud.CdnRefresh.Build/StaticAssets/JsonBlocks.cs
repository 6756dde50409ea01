using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>
/// A JSON document read from a stream a block at a time, so that a large file never needs an array of its size. The
/// caller reads in steps (a property, an endpoint): it keeps what a step read, or, when the step ran out of data, asks
/// for more and reads the same step again from where the last kept one ended.
/// </summary>
internal sealed class JsonBlocks
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _isFinalBlock;
    private JsonReaderState _state = new(ReaderOptions);

    /// <summary>Reads the first block of <paramref name="stream"/>, skipping a UTF-8 byte order mark.</summary>
    public JsonBlocks(Stream stream, int blockSize)
    {
        _stream = stream;
        _buffer = new byte[blockSize];
        Fill();
        _start = _end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF ? 3 : 0;
    }

    /// <summary>A reader of what follows the last kept step.</summary>
    public Utf8JsonReader Reader() => new(_buffer.AsSpan(_start, _end - _start), _isFinalBlock, _state);

    /// <summary>Keeps what <paramref name="reader"/> (from <see cref="Reader"/>) has read, and gives a reader of what follows.</summary>
    public Utf8JsonReader Keep(Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        return Reader();
    }

    /// <summary>Reads another block, and gives a reader of what follows the last kept step, for the step to be read again.</summary>
    /// <exception cref="JsonException">The document ended inside the step.</exception>
    public Utf8JsonReader ReadMore()
    {
        if (_isFinalBlock)
        {
            throw new JsonException("the document ends inside a value");
        }

        Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
        _end -= _start;
        _start = 0;
        if (_end == _buffer.Length)
        {
            // One step is longer than a block.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        Fill();
        return Reader();
    }

    private void Fill()
    {
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _isFinalBlock = read == 0;
    }
}
