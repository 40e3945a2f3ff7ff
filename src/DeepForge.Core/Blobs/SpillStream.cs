namespace DeepForge.Blobs;

/// <summary>
/// A write-only stream that keeps small content in memory and moves to a file once it grows past a
/// threshold: most pipeline values are small, and a file per value is most of their storage cost.
/// </summary>
internal sealed class SpillStream(string spillPath, int threshold) : Stream
{
    private MemoryStream? _memory = new();
    private FileStream? _file;

    /// <summary>The content when it stayed in memory; null once it went to <see cref="SpillPath"/>.</summary>
    public ReadOnlyMemory<byte>? Buffered =>
        // Spelled out: a bare null here would convert through byte[] into an empty, non-null Memory.
        _memory is { } m ? new ReadOnlyMemory<byte>(m.GetBuffer(), 0, (int)m.Length) : (ReadOnlyMemory<byte>?)null;

    public string SpillPath => spillPath;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_memory != null && _memory.Length + buffer.Length > threshold) Spill();
        if (_memory != null) _memory.Write(buffer);
        else _file!.Write(buffer);
    }

    public override void Flush() => _file?.Flush();
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _memory?.Length ?? _file!.Length;
    public override long Position { get => Length; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _file?.Dispose();
        base.Dispose(disposing);
    }

    private void Spill()
    {
        _file = new FileStream(spillPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        _memory!.Position = 0;
        _memory.CopyTo(_file);
        _memory = null;
    }
}
