using System;
using System.IO;

namespace Qcloud.CdnRefresh.Build.Tests.ChangeDetection;

/// <summary>A stream that reports every <see cref="Read(byte[], int, int)"/> call, for counting reads.</summary>
public sealed class ReadCountingStream : Stream
{
    private readonly Stream _inner;
    private readonly Action _onRead;

    public ReadCountingStream(Stream inner, Action onRead)
    {
        _inner = inner;
        _onRead = onRead;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        _onRead();
        return _inner.Read(buffer, offset, count);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _inner.Dispose();
        base.Dispose(disposing);
    }
}
