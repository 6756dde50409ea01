using System;
using System.IO;

namespace Qcloud.CdnRefresh.Build.Tests.ChangeDetection;

/// <summary>Reads once from the inner stream, then fails like a disk error would.</summary>
public sealed class FailingAfterFirstReadStream : Stream
{
    private readonly Stream _inner;
    private bool _readOnce;

    public FailingAfterFirstReadStream(Stream inner)
    {
        _inner = inner;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_readOnce)
        {
            throw new IOException("The device is not ready.");
        }

        _readOnce = true;
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
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
