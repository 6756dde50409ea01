using System;
using System.IO;

namespace Qcloud.CdnRefresh.Build.Tests.StaticAssets;

/// <summary>A stream over bytes that gives one byte a read, so that every token a reader reads crosses what it has buffered.</summary>
public sealed class OneByteAtATimeStream(byte[] content) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => content.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position == content.Length || count == 0)
        {
            return 0;
        }

        buffer[offset] = content[_position++];
        return 1;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
