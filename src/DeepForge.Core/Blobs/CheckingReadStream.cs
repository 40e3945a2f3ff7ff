using System.Security.Cryptography;

namespace DeepForge.Blobs;

/// <summary>
/// A blob file read once: its bytes are hashed as they pass to the reader, in pieces small enough to be hashed while
/// they are still in the processor's cache, so a 100 MB dataset is read and checked in one pass instead of hashed
/// first and read again. <see cref="Complete"/> hashes what the reader left unread and hands the hash to the store,
/// which refuses a damaged blob; a reader that seeks away from the order of the bytes makes it hash the file again.
/// </summary>
internal sealed class CheckingReadStream(FileStream inner, Action<string> checkHash) : Stream
{
    // Hashed right after it is copied, while still in the cache: larger pieces would be read from memory twice.
    private const int PieceBytes = 1 << 18;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _hashed;
    private bool _inOrder = true;
    private bool _completed;

    /// <summary>Hashes the rest of the file, closes it and checks the hash; throws <see cref="BlobDamagedException"/> when the bytes are not the blob's.</summary>
    public void Complete()
    {
        if (_completed) return;
        _completed = true;
        string actual;
        using (inner)
            actual = _inOrder ? HashRest() : HashWhole();
        checkHash(actual);
    }

    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (buffer.Length > 0)
        {
            var piece = buffer[..Math.Min(buffer.Length, PieceBytes)];
            var read = inner.Read(piece);
            if (read == 0) break;
            Hash(piece[..read]);
            total += read;
            buffer = buffer[read..];
        }
        return total;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // A local file: reading it on this thread is what the reader waits for anyway.
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var position = inner.Seek(offset, origin);
        if (position != _hashed) _inOrder = false;
        return position;
    }

    public override long Position
    {
        get => inner.Position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }

    private void Hash(ReadOnlySpan<byte> bytes)
    {
        if (!_inOrder) return;
        _hash.AppendData(bytes);
        _hashed += bytes.Length;
    }

    private string HashRest()
    {
        var buffer = new byte[PieceBytes];
        while (Read(buffer) > 0) { }
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    private string HashWhole()
    {
        inner.Position = 0;
        return Convert.ToHexStringLower(SHA256.HashData(inner));
    }
}
