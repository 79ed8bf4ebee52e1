namespace Portal.Tests.Exports;

/// <summary>
/// A stream that behaves like Kestrel's response body: forward only (no seeking, no length), synchronous writes and
/// flushes refused. It counts what it is given and keeps it only when asked to (to read a small file back).
/// </summary>
internal sealed class ResponseLikeStream(bool keep) : Stream
{
    private readonly MemoryStream? _kept = keep ? new MemoryStream() : null;

    public long Written { get; private set; }

    public byte[] Bytes => _kept?.ToArray() ?? throw new InvalidOperationException("This stream discards what it is given.");

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Written += buffer.Length;
        _kept?.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _kept?.Dispose();
        }

        base.Dispose(disposing);
    }
}
