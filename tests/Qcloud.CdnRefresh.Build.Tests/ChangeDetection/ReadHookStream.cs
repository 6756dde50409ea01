using System;
using System.IO;

namespace Qcloud.CdnRefresh.Build.Tests.ChangeDetection;

/// <summary>
/// A stream that calls an action before every <see cref="Read(byte[], int, int)"/> of the stream it wraps: to count
/// reads, or to fail one like a disk error would.
/// </summary>
public sealed class ReadHookStream : Stream
{
    private readonly Stream _inner;
    private readonly Action _beforeRead;

    public ReadHookStream(Stream inner, Action beforeRead)
    {
        _inner = inner;
        _beforeRead = beforeRead;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        _beforeRead();
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
