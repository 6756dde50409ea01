using System;
using System.IO;

namespace Qcloud.CdnRefresh.Build.Tests.StaticAssets;

/// <summary>A stream that gives its start, then one byte repeated without end: a token that never ends, without holding it.</summary>
public sealed class EndlessStream(byte[] start, byte repeated) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        for (var i = 0; i < count; i++, _position++)
        {
            buffer[offset + i] = _position < start.Length ? start[_position] : repeated;
        }

        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
